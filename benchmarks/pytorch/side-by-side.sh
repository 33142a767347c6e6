#!/usr/bin/env bash
# Geopinn and the PyTorch + OpenBLAS peer, alternately, in one session on the same machine:
#   ./benchmarks/pytorch/side-by-side.sh [rounds] [repeats] [threads]
# First the machine's measured peak (GemmPeak: OpenBLAS DGEMM GFLOP/s on 1 and 2 threads at the layer
# shapes and at large square sizes). Each round: the peer (Adam step, ANaGRAM step through eigh), then
# Geopinn's step times of Adam, one loss + gradient (with the GFLOP/s of its matrix products), ANaGRAM
# (Gram route), ENGD and lm with the preferred (native) kernels (StepTimes), then the ANaGRAM step's
# parts with the Java and the native kernels (KernelsStepTiming), then the Adam ratio of the round
# (Geopinn / peer, wall medians and minima). The load average is printed before every program. Installs the peer first if it is missing (benchmarks/pytorch/install.sh, as
# root, Debian's python3-torch and libopenblas0-pthread). Needs benchmarks/target/benchmarks.jar
# (mvn -o -q -B -pl benchmarks package; JAR=... runs another copy). Outside CI.
# threads (default 2): the peer's PyTorch and OpenBLAS threads and Geopinn's native product threads and
# residual point slices; 1 runs both sides on one thread (on a loaded machine the peer's waiting
# threads spin, so the one-thread ratio is the fairer one there).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-2}"
repeats="${2:-5}"
threads="${3:-2}"
jar="${JAR:-$root/benchmarks/target/benchmarks.jar}"
if ! /usr/bin/python3 -c "import torch, functorch" 2>/dev/null; then
  "$root/benchmarks/pytorch/install.sh"
fi
export OPENBLAS_NUM_THREADS="$threads" TORCH_NUM_THREADS="$threads"
load() { echo "--- $1, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
load "OpenBLAS DGEMM peak"
java -cp "$jar" org.geopinn.benchmarks.core.GemmPeak 1
for round in $(seq 1 "$rounds"); do
  echo "=== round $round, $threads thread(s)"
  load "PyTorch + OpenBLAS"
  /usr/bin/python3 "$root/benchmarks/pytorch/laplace2d_steps.py" "$repeats" | tee "$out/peer"
  load "Geopinn step times"
  java -Xmx4g -Dgeopinn.residual.threads="$threads" -cp "$jar" org.geopinn.bench.optimizers.StepTimes "$repeats" 3 adam,lossgrad,anagram,engd,lm "$threads" | tee "$out/geopinn"
  load "Geopinn ANaGRAM parts"
  java -Xmx4g -Dgeopinn.residual.threads="$threads" -cp "$jar" org.geopinn.bench.optimizers.KernelsStepTiming "$repeats" relative "$threads"
  # peer: the "full step" line after "adam step"; Geopinn: the "adam" line (fields: wall min X s median Y s)
  peer="$(awk '/^adam step/ {getline; print $5, $8; exit}' "$out/peer")"
  ours="$(awk '$1 == "adam" {print $4, $7; exit}' "$out/geopinn")"
  echo "$peer $ours" | awk '{ if ($1 > 0 && $2 > 0) printf "Adam step ratio (Geopinn / PyTorch + OpenBLAS), round '"$round"': %.3f by the wall medians (%.4f / %.4f s), %.3f by the minima (%.4f / %.4f s)\n", $4 / $2, $4, $2, $3 / $1, $3, $1 }'
done
load "end"
