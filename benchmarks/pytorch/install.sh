#!/usr/bin/env bash
# Installs the PyTorch peer (Debian's python3-torch 1.13 with functorch) on OpenBLAS: without
# libopenblas0-pthread the BLAS/LAPACK alternatives point to the reference implementation and every
# matrix product and eigensolver in PyTorch runs many times slower, which is no fair comparison.
# Outside CI: run by hand, as root, on a Debian machine.
set -euo pipefail
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-torch libopenblas0-pthread
update-alternatives --display libblas.so.3-x86_64-linux-gnu | head -3
update-alternatives --display liblapack.so.3-x86_64-linux-gnu | head -3
/usr/bin/python3 -c "import torch, functorch; print('torch', torch.__version__, 'threads', torch.get_num_threads())"
