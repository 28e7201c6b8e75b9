#!/usr/bin/env bash
# Runs every notebook in notebooks/ headless with dotnet-repl (the .NET Interactive kernel) and fails when a code
# cell raises an error or prints nothing. Needs the solution built in Release (the notebooks reference its dlls).
set -euo pipefail
cd "$(dirname "$0")/.."
tools=".tools"
if [ ! -x "$tools/dotnet-repl" ]; then
  dotnet tool install --tool-path "$tools" dotnet-repl --version 0.3.259 >/dev/null
fi
status=0
for notebook in notebooks/*.ipynb; do
  out="$(mktemp --suffix=.ipynb)"
  (cd notebooks && "../$tools/dotnet-repl" --run "$(basename "$notebook")" --exit-after-run --output-path "$out") >/dev/null 2>&1 || true
  if python3 - "$out" "$notebook" <<'PY'
import json, sys
out, name = sys.argv[1], sys.argv[2]
try:
    cells = [c for c in json.load(open(out))["cells"] if c["cell_type"] == "code"]
except Exception as e:
    sys.exit(f"{name}: the notebook did not run ({e})")
problems = []
for i, cell in enumerate(cells, 1):
    outputs = cell.get("outputs", [])
    errors = [o for o in outputs if o.get("output_type") == "error"]
    if errors:
        problems.append(f"code cell {i}: {errors[0].get('evalue')}")
    elif i > 1 and not any(o.get("output_type") == "stream" for o in outputs):
        problems.append(f"code cell {i}: printed nothing")
if problems:
    sys.exit(f"{name}: " + "; ".join(problems))
print(f"{name}: {len(cells)} code cells ran")
PY
  then :; else status=1; fi
  rm -f "$out"
done
exit $status
