#!/usr/bin/env bash
# Runs the notebooks headless with dotnet-repl 0.3.259 (the .NET Interactive kernel), keeps the executed copies and
# checks them. Needs the libraries built in Release (`dotnet build src/Lstm.MLNet -c Release`: the notebooks reference
# src/Lstm.MLNet/bin/Release/net10.0/Lstm.Training.dll and Lstm.MLNet.dll) and the IMDB archive (see the notebooks).
#
#   tools/run-notebooks.sh [--out DIR] [NOTEBOOK.ipynb ...]
#
# Which: the notebooks named, else every notebooks/*.ipynb. Each runs with notebooks/ as its working directory.
# Where the executed copies go: by default IN PLACE, over each notebook in notebooks/, so that committing after a run
# commits the outputs of that run. `--out DIR` (or $NOTEBOOK_OUTPUT_DIR) writes them to DIR/<name>.ipynb instead and
# leaves notebooks/ untouched (CI can use it to keep the executed copies as artifacts). An executed copy is the
# notebook as it was (sources, cell and notebook metadata) with each code cell's outputs replaced by this run's, and
# execution counts 1, 2, … on the cells that ran. Two kinds of kernel chatter are left out: the "Installing Packages"
# progress frames of `#r "nuget: …"` (the final "Installed Packages" list is kept) and "Loading extensions from <path>".
# A copy is written even when its checks fail, so that the error can be read in it.
#
# A notebook fails when:
#   - it did not run: dotnet-repl wrote no readable notebook, or another number of code cells (its stderr is shown);
#   - a code cell has an error output;
#   - a code cell other than the first (the references) has no output at all (it did not run, or shows nothing);
#   - it holds fewer figures than its top-level metadata declares: "lstm_mlnet": {"expected_figures": N} (0 for a
#     notebook without figures; a notebook without the declaration fails). A figure is an output whose data holds
#     image/png or image/svg+xml, or text/html containing <img or <svg.
# Per notebook it prints the code cells run, the figures found and the seconds taken. The exit status is 1 when any
# notebook failed. $NOTEBOOK_TIMEOUT (seconds, default 600) bounds each run.
set -euo pipefail

out_dir="${NOTEBOOK_OUTPUT_DIR:-}"
notebooks=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out_dir="$2"; shift 2 ;;
    --out=*) out_dir="${1#--out=}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) notebooks+=("$(realpath "$1")"); shift ;;
  esac
done
if [ -n "$out_dir" ]; then
  mkdir -p "$out_dir"
  out_dir="$(realpath "$out_dir")"
fi

cd "$(dirname "$0")/.."
root="$PWD"
tools="$root/.tools"
if [ ! -x "$tools/dotnet-repl" ]; then
  dotnet tool install --tool-path "$tools" dotnet-repl --version 0.3.259 >/dev/null
fi
if [ ${#notebooks[@]} -eq 0 ]; then
  notebooks=("$root"/notebooks/*.ipynb)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
total_start=$SECONDS
for notebook in "${notebooks[@]}"; do
  name="$(basename "$notebook")"
  executed="$work/$name"
  destination="${out_dir:+$out_dir/$name}"
  destination="${destination:-$notebook}"
  start=$SECONDS
  # dotnet-repl exits non-zero when a cell fails; the checks below say which, so its status is not used.
  # (`; exit $?` keeps the subshell alive, so that its report of a crashed dotnet-repl goes to the stderr file too.)
  (cd "$(dirname "$notebook")" && timeout "${NOTEBOOK_TIMEOUT:-600}" "$tools/dotnet-repl" --run "$name" --exit-after-run \
    --output-path "$executed"; exit $?) >"$work/stdout" 2>"$work/stderr" || true
  seconds=$((SECONDS - start))
  if python3 - "$notebook" "$executed" "$destination" "$seconds" "$work/stderr" <<'PY'
import json, sys

source_path, executed_path, destination, seconds, stderr_path = sys.argv[1:6]
name = source_path.rsplit("/", 1)[-1]


def stderr_tail(lines=40):
    try:
        text = open(stderr_path, encoding="utf-8", errors="replace").read().rstrip().splitlines()
    except OSError:
        text = []
    return "\n".join("    " + line for line in text[-lines:]) or "    (nothing on stderr)"


def did_not_run(why):
    print(f"{name}: FAILED, the notebook did not run ({why}) after {seconds} s; dotnet-repl's stderr:\n{stderr_tail()}")
    sys.exit(1)


try:
    notebook = json.load(open(source_path, encoding="utf-8"))
    code_cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
except Exception as e:
    did_not_run(f"not a readable notebook: {e}")
try:
    executed = json.load(open(executed_path, encoding="utf-8"))
    executed_cells = [c for c in executed["cells"] if c["cell_type"] == "code"]
except Exception as e:
    did_not_run(f"no executed notebook: {e}")
if len(executed_cells) != len(code_cells):
    did_not_run(f"{len(executed_cells)} code cells came back of {len(code_cells)}")


def chatter(output):
    data = output.get("data", {})
    html = "".join(data.get("text/html", ""))
    plain = "".join(data.get("text/plain", ""))
    return "<strong>Installing Packages</strong>" in html or plain.startswith("Loading extensions from ")


def is_figure(output):
    data = output.get("data", {})
    html = "".join(data.get("text/html", ""))
    return "image/png" in data or "image/svg+xml" in data or "<img" in html or "<svg" in html


problems, figures, ran = [], 0, 0
for i, (cell, result) in enumerate(zip(code_cells, executed_cells), 1):
    outputs = [o for o in result.get("outputs", []) if not chatter(o)]
    cell["outputs"] = outputs
    cell["execution_count"] = None
    if outputs:
        ran += 1
        cell["execution_count"] = ran
        for o in outputs:
            if o.get("output_type") == "execute_result":
                o["execution_count"] = ran
    errors = [o for o in outputs if o.get("output_type") == "error"]
    if errors:
        problems.append(f"code cell {i}: {errors[0].get('evalue', '').strip().splitlines()[0] if errors[0].get('evalue') else 'error'}")
    elif i > 1 and not outputs:
        problems.append(f"code cell {i}: no output (did not run, or shows nothing)")
    figures += sum(1 for o in outputs if is_figure(o))

expected = notebook.get("metadata", {}).get("lstm_mlnet", {}).get("expected_figures")
if not isinstance(expected, int):
    problems.append('no "lstm_mlnet": {"expected_figures": N} in the notebook\'s metadata')
elif figures < expected:
    problems.append(f"{figures} figures, expected {expected}")

with open(destination, "w", encoding="utf-8") as f:
    json.dump(notebook, f, indent=1, ensure_ascii=False)
    f.write("\n")

declared = expected if isinstance(expected, int) else "none declared"
summary = f"{name}: {ran}/{len(code_cells)} code cells run, {figures} figures (expected {declared}), {seconds} s"
if problems:
    print(f"{summary}: FAILED: " + "; ".join(problems))
    sys.exit(1)
print(summary)
PY
  then :; else status=1; fi
done
echo "all notebooks: $((SECONDS - total_start)) s$([ "$status" -ne 0 ] && echo ', FAILED' || true)"
exit $status
