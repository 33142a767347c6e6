#!/usr/bin/env python3
"""Writes probes.csv: u = sin(pi x) sin(pi y) at 200 random points of the plate with a hole (seeded)."""
import math, random
random.seed(7)
rows = []
while len(rows) < 200:
    x, y = random.random(), random.random()
    if math.hypot(x - 0.5, y - 0.5) > 0.2:
        rows.append((x, y, math.sin(math.pi * x) * math.sin(math.pi * y)))
with open("probes.csv", "w") as f:
    f.write("x, y, u\n")
    for x, y, u in rows:
        f.write(f"{x!r}, {y!r}, {u!r}\n")
