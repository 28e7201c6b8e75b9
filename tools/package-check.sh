#!/usr/bin/env bash
# Packs Lstm.Training, Lstm.MLNet and the lstm tool, then uses them as a new user would, from the packed folder only:
# builds and runs tools/package-consumer (copied outside the repository, package references only, an empty NuGet
# cache) and installs the tool from the folder and runs `lstm predict` with it. Usage:
#   tools/package-check.sh [FEED_DIR]      (default: a temporary folder; ../shared/data holds the IMDB archive)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
work="$(mktemp -d)"
feed="${1:-$work/feed}"
archive="${IMDB_ARCHIVE:-$repo/../shared/data/aclImdb_v1_labelled.tar.gz}"
trap 'rm -rf "$work"' EXIT

echo "== dotnet pack -> $feed"
for project in src/Lstm.Training src/Lstm.MLNet src/Lstm.Cli; do
  dotnet pack "$project" -c Release -o "$feed" -warnaserror --nologo -v quiet
done
ls -l "$feed"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)"
for id in Lstm.Training Lstm.MLNet Lstm.Cli; do
  for ext in nupkg snupkg; do
    [ -f "$feed/$id.$version.$ext" ] || { echo "missing $feed/$id.$version.$ext" >&2; exit 1; }
  done
  # Each package carries its readme, the licence and (libraries) the XML docs. (The listing is kept in a variable:
  # grep -q on a pipe would stop unzip early, which pipefail reports as a failure.)
  listing="$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$feed/$id.$version.nupkg")"
  grep -qx 'README.md' <<<"$listing" || { echo "$id has no README.md" >&2; exit 1; }
  grep -qx 'LICENSE' <<<"$listing" || { echo "$id has no LICENSE" >&2; exit 1; }
  if [ "$id" != Lstm.Cli ]; then
    grep -qx "lib/net10.0/$id.xml" <<<"$listing" || { echo "$id has no XML docs" >&2; exit 1; }
  fi
done

echo "== consumer project from the packages only (empty NuGet cache)"
cp -r tools/package-consumer "$work/consumer"
rm -rf "$work/consumer/bin" "$work/consumer/obj"
cat > "$work/consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="lstm-local" value="$feed" />
  </packageSources>
</configuration>
XML
export NUGET_PACKAGES="$work/nuget-cache"
(cd "$work/consumer" && dotnet build -c Release --nologo -v quiet -p:LstmPackageVersion="$version")
if grep -rq "Lstm.Training.csproj\|Lstm.MLNet.csproj" "$work/consumer/obj/project.assets.json"; then
  echo "the consumer resolved a project, not a package" >&2; exit 1
fi
grep -q "\"Lstm.MLNet/$version\"" "$work/consumer/obj/project.assets.json"
(cd "$work/consumer" && dotnet run -c Release --no-build -- "$archive" "$repo/models/imdb-lstm/model.onnx")

echo "== dotnet tool install Lstm.Cli from the packed folder"
dotnet tool install --tool-path "$work/tool" --add-source "$feed" Lstm.Cli --version "$version"
"$work/tool/lstm" --version
out="$("$work/tool/lstm" predict --model "$repo/models/imdb-lstm" "A wonderful, moving film." "Dull, predictable and far too long.")"
echo "$out"
echo "$out" | grep -q "positive" && echo "$out" | grep -q "negative" || { echo "lstm predict from the installed tool did not classify" >&2; exit 1; }
echo "== lstm codegen: the generated consumption project builds from the packages and predicts"
"$work/tool/lstm" codegen --model "$repo/models/imdb-lstm" --out "$work/generated" --package-source "$feed"
(cd "$work/generated" && dotnet build -c Release --nologo -v quiet -warnaserror)
out="$(cd "$work/generated" && dotnet run -c Release --no-build -- "A wonderful, moving film." "Dull, predictable and far too long.")"
echo "$out"
expected="$("$work/tool/lstm" predict --model "$repo/models/imdb-lstm" --format tsv "A wonderful, moving film." "Dull, predictable and far too long.")"
echo "$expected"
python3 - "$out" "$expected" <<'PY'
import sys
generated = [float(line.split("\t")[0]) for line in sys.argv[1].splitlines() if line.strip()]
cli = [float(line.split("\t")[0]) for line in sys.argv[2].splitlines()[1:] if line.strip()]
assert len(generated) == 2 and len(cli) == 2, (generated, cli)
assert all(abs(a - b) <= 1e-4 for a, b in zip(generated, cli)), f"generated project {generated} vs lstm predict {cli}"
print(f"generated project agrees with lstm predict: {generated} vs {cli}")
PY
echo "package check: OK"
