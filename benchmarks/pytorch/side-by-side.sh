#!/usr/bin/env bash
# Geopinn and the PyTorch + OpenBLAS peer, alternately, in one session on the same machine:
#   ./benchmarks/pytorch/side-by-side.sh [rounds] [repeats]
# Each round: the peer (Adam step, ANaGRAM step through eigh), then Geopinn's step times of Adam,
# ANaGRAM (Gram route), ENGD and lm with the preferred (native) kernels (StepTimes), then the ANaGRAM
# step's parts with the Java and the native kernels (KernelsStepTiming). The load average is printed
# before every program. Installs the peer first if it is missing (benchmarks/pytorch/install.sh, as
# root, Debian's python3-torch and libopenblas0-pthread). Needs benchmarks/target/benchmarks.jar
# (mvn -o -q -B -pl benchmarks package; JAR=... runs another copy). Outside CI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-2}"
repeats="${2:-5}"
jar="${JAR:-$root/benchmarks/target/benchmarks.jar}"
if ! /usr/bin/python3 -c "import torch, functorch" 2>/dev/null; then
  "$root/benchmarks/pytorch/install.sh"
fi
export OPENBLAS_NUM_THREADS=2
load() { echo "--- $1, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
for round in $(seq 1 "$rounds"); do
  echo "=== round $round"
  load "PyTorch + OpenBLAS"
  /usr/bin/python3 "$root/benchmarks/pytorch/laplace2d_steps.py" "$repeats"
  load "Geopinn step times"
  java -Xmx4g -cp "$jar" org.geopinn.bench.optimizers.StepTimes "$repeats" 3
  load "Geopinn ANaGRAM parts"
  java -Xmx4g -cp "$jar" org.geopinn.bench.optimizers.KernelsStepTiming "$repeats" relative
done
load "end"
