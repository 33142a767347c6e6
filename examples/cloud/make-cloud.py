#!/usr/bin/env python3
"""Writes the point cloud of examples/cloud: the unit disk as a mesher would export it.

interior.csv: 1200 points uniform in the open disk (columns x, y).
boundary.csv: 240 points on the circle with outward normals n_x, n_y, the right half (x > 0) named
'outlet' and the left half 'wall' (column part). Seeded, so the files are reproducible.
"""
import math
import random

random.seed(7)
with open("interior.csv", "w") as f:
    f.write("x,y\n")
    n = 0
    while n < 1200:
        x, y = random.uniform(-1, 1), random.uniform(-1, 1)
        if x * x + y * y < 0.98:
            f.write(f"{x:.17g},{y:.17g}\n")
            n += 1
with open("boundary.csv", "w") as f:
    f.write("x,y,n_x,n_y,part\n")
    for k in range(240):
        a = 2 * math.pi * (k + 0.5) / 240
        c, s = math.cos(a), math.sin(a)
        f.write(f"{c:.17g},{s:.17g},{c:.17g},{s:.17g},{'outlet' if c > 0 else 'wall'}\n")
