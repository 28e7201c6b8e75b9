#!/usr/bin/env bash
# Side-by-side speed of our trainer/forward pass, ONNX Runtime on our exported model, and PyTorch's nn.LSTM
# (Debian python3-torch with OpenBLAS), on the same IMDB ids, seed model, max_len 500, in one run.
# Usage: tools/peer-benchmark.sh [IMDB archive or folder] [train reviews] [predict reviews]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/aclImdb_v1_labelled.tar.gz}"
train="${2:-1024}"
predict="${3:-2048}"
ids="$(mktemp --suffix=.ids)"
trap 'rm -f "$ids"' EXIT
dotnet build tests/Lstm.Benchmarks -c Release -v q -nologo >/dev/null
ours="$(dotnet tests/Lstm.Benchmarks/bin/Release/net10.0/Lstm.Benchmarks.dll peer --data "$data" --write-ids "$ids" --train-reviews "$train" --predict-reviews "$predict")"
echo "$ours"
# The peer's best settings: all cores, and OpenBLAS free to pick its own kernel (this machine may pin a safe one).
torch_out="$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 tools/torch_peer.py --ids "$ids" --train-reviews "$((train / 4))" --predict-reviews "$((predict / 4))")"
echo "$torch_out"
num() { grep "^$1" <<<"$2" | head -1 | sed -E 's/.*: ([0-9.]+) reviews.*/\1/'; }
awk -v ot="$(num 'ours train' "$ours")" -v tt="$(num 'torch train' "$torch_out")" \
    -v op="$(num 'ours predict' "$ours")" -v tp="$(num 'torch predict' "$torch_out")" \
    -v ort="$(num 'onnxruntime predict batch 256' "$ours")" 'BEGIN {
  printf "ratio train ours/torch: %.1fx\n", ot / tt
  printf "ratio predict ours/torch: %.1fx\n", op / tp
  printf "ratio predict ours/onnxruntime (batch 256): %.2fx\n", op / ort
}'
