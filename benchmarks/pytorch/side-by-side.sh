#!/usr/bin/env bash
# Geopinn (Java kernels and native kernels) and the PyTorch + OpenBLAS peer, alternately, in one
# session on the same machine: ./benchmarks/pytorch/side-by-side.sh [rounds] [repeats]
# Needs benchmarks/target/benchmarks.jar (mvn -o -q -B -pl benchmarks package) and the peer
# (benchmarks/pytorch/install.sh; Debian's /usr/bin/python3, not a python3 of pyenv or a venv). Outside CI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-2}"
repeats="${2:-5}"
export OPENBLAS_NUM_THREADS=2
for round in $(seq 1 "$rounds"); do
  echo "=== round $round, $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/python3 "$root/benchmarks/pytorch/laplace2d_steps.py" "$repeats"
  java -Xmx4g -cp "$root/benchmarks/target/benchmarks.jar" org.geopinn.bench.optimizers.KernelsStepTiming "$repeats" relative
done
