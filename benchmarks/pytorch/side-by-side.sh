#!/usr/bin/env bash
# Geopinn and the PyTorch + OpenBLAS peer, alternately, in one session on the same machine:
#   ./benchmarks/pytorch/side-by-side.sh [rounds] [repeats] [threads]
# Each round: the peer (Adam step, ANaGRAM step through eigh), then Geopinn's step times of Adam,
# ANaGRAM (Gram route), ENGD and lm with the preferred (native) kernels (StepTimes), then the ANaGRAM
# step's parts with the Java and the native kernels (KernelsStepTiming). The load average is printed
# before every program. Installs the peer first if it is missing (benchmarks/pytorch/install.sh, as
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
for round in $(seq 1 "$rounds"); do
  echo "=== round $round, $threads thread(s)"
  load "PyTorch + OpenBLAS"
  /usr/bin/python3 "$root/benchmarks/pytorch/laplace2d_steps.py" "$repeats"
  load "Geopinn step times"
  java -Xmx4g -Dgeopinn.residual.threads="$threads" -cp "$jar" org.geopinn.bench.optimizers.StepTimes "$repeats" 3 adam,anagram,engd,lm "$threads"
  load "Geopinn ANaGRAM parts"
  java -Xmx4g -Dgeopinn.residual.threads="$threads" -cp "$jar" org.geopinn.bench.optimizers.KernelsStepTiming "$repeats" relative "$threads"
done
load "end"
