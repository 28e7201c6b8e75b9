#!/usr/bin/env bash
# Fuzzes every reader of tests/Lstm.Fuzz with afl-fuzz for a bounded time (usage: tools/fuzz.sh [seconds-per-target] [target...]).
# Installs what it needs (Debian's afl++, the SharpFuzz.CommandLine tool into .tools/), publishes the harness twice (one
# copy instrumented by SharpFuzz for afl-fuzz, one plain copy that writes the seeds and replays findings), runs each
# target, prints executions, paths and crashes per target, and replays every crashing input to print its exception.
# Exits 1 when a target found a crash or a hang, 2 when the fuzzers could not be set up or run. Everything it writes is
# under $LSTM_FUZZ_OUT (default out/fuzz).
set -euo pipefail
trap 'echo "tools/fuzz.sh: setup failed (line $LINENO)" >&2; exit 2' ERR
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-300}
shift || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi
sharpfuzz=$root/.tools/sharpfuzz
if [ ! -x "$sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$root/.tools" >/dev/null
fi

out=${LSTM_FUZZ_OUT:-$root/out/fuzz}
rm -rf "$out"
mkdir -p "$out/findings"
dotnet publish tests/Lstm.Fuzz -c Release -warnaserror -o "$out/plain" --nologo -v q
cp -r "$out/plain" "$out/bin"
# Lstm.Training holds the readers; Google.Protobuf is instrumented too, so that afl-fuzz sees how far an ONNX input parses.
for assembly in Lstm.Training.dll Google.Protobuf.dll; do "$sharpfuzz" "$out/bin/$assembly" >/dev/null; done
dotnet "$out/plain/Lstm.Fuzz.dll" --seeds "$out/seeds" tests/Fixtures

targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(dotnet "$out/plain/Lstm.Fuzz.dll" --list | cut -d' ' -f1)

# afl-fuzz runs `dotnet`, which it cannot see instrumented; the harness reports its coverage itself. The harness ends
# an input after 10 s itself (a hang becomes a crash with a message); -t is afl's outer limit.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export AFL_FAST_CAL=1
# The harness writes each input as a file or a tree; in memory (/dev/shm) that costs microseconds instead of milliseconds.
LSTM_FUZZ_TMP=$(mktemp -d -p /dev/shm lstm-fuzz.XXXXXX 2>/dev/null || mktemp -d)
export LSTM_FUZZ_TMP
trap 'rm -rf "$LSTM_FUZZ_TMP"' EXIT

stat() { sed -n "s/^$1 *: *//p" "$2"; }
summary=$out/summary.tsv
printf 'target\tseconds\texecutions\texec/s\tpaths\tcrashes\thangs\n' >"$summary"
failed=0 broken=0
for target in "${targets[@]}"; do
  echo "== fuzzing $target for $seconds s"
  findings=$out/findings/$target
  started=$(date +%s)
  dictionary=(); [ ! -f "tests/Lstm.Fuzz/Dictionaries/$target.dict" ] || dictionary=(-x "$root/tests/Lstm.Fuzz/Dictionaries/$target.dict")
  nice -n 10 afl-fuzz -i "$out/seeds/$target" -o "$findings" "${dictionary[@]}" -V "$seconds" -t 20000 -m none \
    -- "$(command -v dotnet)" "$out/bin/Lstm.Fuzz.dll" "$target" >"$out/afl-$target.log" 2>&1 || { tail -20 "$out/afl-$target.log"; broken=1; continue; }
  stats=$findings/default/fuzzer_stats
  crashes=$(stat saved_crashes "$stats")
  hangs=$(stat saved_hangs "$stats")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$(($(date +%s) - started))" "$(stat execs_done "$stats")" \
    "$(stat execs_per_sec "$stats")" "$(stat corpus_count "$stats")" "$crashes" "$hangs" >>"$summary"
  for input in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
    [ -e "$input" ] || continue
    failed=1
    status=0
    replay=$(timeout 60 dotnet "$out/plain/Lstm.Fuzz.dll" "$target" --replay "$input" 2>&1) || status=$?
    finding=$(grep -m1 -o 'FINDING.*' <<<"$replay") || case $status in
      0) finding="FINDING that does not reproduce on replay: ${replay##*: }" ;;
      124) finding="FINDING hang: the replay ran longer than 60 s" ;;
      *) finding="FINDING process death (exit $status): $(tail -3 <<<"$replay" | tr '\n' ' ')" ;;
    esac
    echo "$target: $input: ${finding:0:400}"
    echo "$target ${finding%%: *}" >>"$out/signatures"
  done
done
column -t -s $'\t' "$summary" 2>/dev/null || cat "$summary"
[ ! -e "$out/signatures" ] || { echo "distinct findings (inputs, target, exception and place):"; sort "$out/signatures" | uniq -c; }
if [ "$failed" -ne 0 ]; then
  echo "fuzzing found crashes or hangs: the inputs are under $out/findings/<target>/default/{crashes,hangs}/" >&2
  exit 1
fi
if [ "$broken" -ne 0 ]; then
  echo "afl-fuzz could not run every target: see $out/afl-<target>.log" >&2
  exit 2
fi
