#!/usr/bin/env bash
# Side-by-side speed of our trainer/forward pass, ONNX Runtime on our exported model, and PyTorch's nn.LSTM
# (Debian python3-torch with OpenBLAS), on the same IMDB ids, seed model, max_len 500, in one run, for each
# instruction set our users' CPUs have.
# Usage: tools/peer-benchmark.sh [IMDB archive or folder] [train reviews] [predict reviews]
#   ISA=avx512|avx2|128|all (default all) picks the vector width: ours through the .NET runtime's switches, PyTorch
#   through OpenBLAS's core type and ATen's CPU capability. ONNX Runtime picks its kernels from the CPU and has no
#   switch, so its figures are always the machine's native ones.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/aclImdb_v1_labelled.tar.gz}"
train="${2:-1024}"
predict="${3:-2048}"
isas="${ISA:-all}"
[[ "$isas" == all ]] && isas="avx512 avx2 128"
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  echo "PyTorch is missing: apt-get install python3-torch libopenblas0-pthread (Debian's packages; PyPI is not needed)" >&2
  exit 2
fi
ids="$(mktemp --suffix=.ids)"
trap 'rm -f "$ids"' EXIT
dotnet build tests/Lstm.Benchmarks -c Release -v q -nologo >/dev/null
num() { grep "^$1" <<<"$2" | head -1 | sed -E 's/.*: ([0-9.]+) reviews.*/\1/'; }

for isa in $isas; do
  case "$isa" in
    # The peer's best settings: all cores, OpenBLAS free to pick its own kernel (this machine may pin a safe one).
    avx512) dotnet_env=(); torch_env=(-u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ATEN_CPU_CAPABILITY=avx512) ;;
    avx2) dotnet_env=(DOTNET_EnableAVX512=0); torch_env=(-u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Haswell ATEN_CPU_CAPABILITY=avx2) ;;
    # 128-bit vectors with hardware FMA, the width of ARM64's NEON; for PyTorch, OpenBLAS's SSE kernels.
    128) dotnet_env=(DOTNET_EnableAVX512=0 DOTNET_PreferredVectorBitWidth=128); torch_env=(-u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Nehalem ATEN_CPU_CAPABILITY=default) ;;
    *) echo "ISA must be avx512, avx2, 128 or all, not '$isa'" >&2; exit 2 ;;
  esac
  echo "== $isa"
  ours="$(env "${dotnet_env[@]}" dotnet tests/Lstm.Benchmarks/bin/Release/net10.0/Lstm.Benchmarks.dll peer --data "$data" --write-ids "$ids" --train-reviews "$train" --predict-reviews "$predict")"
  echo "$ours"
  torch_out="$(env "${torch_env[@]}" /usr/bin/python3 tools/torch_peer.py --ids "$ids" --train-reviews "$((train / 4))" --predict-reviews "$((predict / 4))")"
  echo "$torch_out"
  awk -v isa="$isa" -v ot="$(num 'ours train' "$ours")" -v tt="$(num 'torch train' "$torch_out")" \
      -v op="$(num 'ours predict:' "$ours")" -v tp="$(num 'torch predict' "$torch_out")" \
      -v ort="$(num 'onnxruntime predict batch 256' "$ours")" 'BEGIN {
    printf "%s ratio train ours/torch: %.1fx\n", isa, ot / tt
    printf "%s ratio predict ours/torch: %.1fx\n", isa, op / tp
    printf "%s ratio predict ours/onnxruntime (batch 256, native ISA): %.2fx\n", isa, op / ort
  }'
done
