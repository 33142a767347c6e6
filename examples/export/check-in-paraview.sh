#!/usr/bin/env bash
# Opens the VTK XML files `./geopinn export` writes in ParaView (Debian's paraview and python3-paraview packages, installed
# here when missing; not part of CI) and renders them. Usage, from the repository root:
#   examples/export/check-in-paraview.sh RESULTS_DIR [OUT_DIR]
# RESULTS_DIR is a solved run (e.g. runs/laplace2d-…); OUT_DIR (default target/paraview-check)
# receives solution.vti, points.vtu and a PNG of each as ParaView renders it.
set -euo pipefail
run="${1:?usage: $0 RESULTS_DIR [OUT_DIR]}"
out="${2:-target/paraview-check}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if ! command -v pvbatch > /dev/null || ! dpkg -s python3-paraview > /dev/null 2>&1 || ! command -v xvfb-run > /dev/null; then
  echo "installing ParaView (apt-get install paraview python3-paraview xvfb xauth) …" >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y --no-install-recommends paraview python3-paraview xvfb xauth; else sudo apt-get install -y --no-install-recommends paraview python3-paraview xvfb xauth; fi
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
"$root/geopinn" export "$run" --vtk-xml "$out/solution.vti"
"$root/geopinn" export "$run" --vtk-xml "$out/points.vtu" --resolution 41
# Debian's ParaView renders through X: a virtual display (Xvfb) stands in for a screen.
xvfb-run -a pvbatch "$here/paraview_check.py" "$out" "$out/solution.vti" "$out/points.vtu"
