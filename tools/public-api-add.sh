#!/usr/bin/env bash
# Adds the public API symbols a build reports as undeclared (RS0016) to each project's PublicAPI.Unshipped.txt, sorted.
# Use after a deliberate change of the public surface; review the diff of PublicAPI.Unshipped.txt like any other.
#   tools/public-api-add.sh [project-or-solution]    (default: Lstm.MLNet.sln)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-Lstm.MLNet.sln}"
log="$(mktemp)"
dotnet build "$target" -c Release --no-incremental 2>&1 | grep "error RS0016" > "$log" || true
python3 - "$log" <<'PY'
import re, sys, collections, os
added = collections.defaultdict(set)
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.search(r"error RS0016: Symbol '(.*?)' is not part of the declared public API.*\[(.*?\.csproj)\]", line)
    if m:
        added[os.path.join(os.path.dirname(m.group(2)), "PublicAPI.Unshipped.txt")].add(m.group(1))
for path, symbols in added.items():
    lines = [l.rstrip("\n") for l in open(path, encoding="utf-8")]
    header = [l for l in lines if l.startswith("#")]
    body = sorted(set(l for l in lines if l and not l.startswith("#")) | symbols)
    open(path, "w", encoding="utf-8").write("\n".join(header + body) + "\n")
    print(f"{path}: {len(symbols)} symbol(s) added")
PY
rm -f "$log"
