#!/usr/bin/env python3
"""Relative L2 error of a parametric solution per value of its third input (k), from the .vtu that
`./geopinn export DIR --vtk-xml u.vtu --resolution N` writes (points on an N^3 grid over x, y, k,
with the arrays u, u_reference and u_error): python3 errors-by-k.py u.vtu"""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

root = ET.parse(sys.argv[1]).getroot()
piece = root.find("UnstructuredGrid/Piece")
coordinates = [float(v) for v in piece.find("Points/DataArray").text.split()]
arrays = {a.get("Name"): [float(v) for v in a.text.split()] for a in piece.find("PointData")}
field = [name for name in arrays if not name.endswith("_reference") and not name.endswith("_error")][0]
reference = arrays[field + "_reference"]
error = arrays[field + "_error"]
sums = defaultdict(lambda: [0.0, 0.0])
for i in range(len(reference)):
    k = round(coordinates[3 * i + 2], 9)
    sums[k][0] += error[i] ** 2
    sums[k][1] += reference[i] ** 2
worst = 0.0
print("k       rel. L2 error")
for k in sorted(sums):
    e = (sums[k][0] / sums[k][1]) ** 0.5
    worst = max(worst, e)
    if abs(2 * k - round(2 * k)) < 1e-6:  # print k = 1, 1.5, 2 ... (every grid value counts in the summary)
        print(f"{k:<7.4g} {e:.2e}")
total = (sum(s[0] for s in sums.values()) / sum(s[1] for s in sums.values())) ** 0.5
print(f"all     {total:.2e}  (largest over k: {worst:.2e})")
