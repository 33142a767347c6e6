#!/usr/bin/env python3
"""Writes the observations of the inverse benchmarks from the exact solutions (seeded, so the files
are reproducible): python3 make-observations.py (from this folder).

heat-observations.csv        200 values of u = exp(-pi^2 kappa t) sin(pi x), kappa = 1/4, at uniform
                             random points of (0, 1] x (0, 1), without noise
heat-observations-noisy.csv  the same points and values plus Gaussian noise of standard deviation
                             1 % of the root mean square of the clean values (sigma = 0.01 * rms(u))
"""
import math
import random

KAPPA = 0.25
COUNT = 200


def heat(t, x):
    return math.exp(-math.pi ** 2 * KAPPA * t) * math.sin(math.pi * x)


def write(name, rows):
    with open(name, "w") as f:
        f.write("t, x, u\n")
        for t, x, u in rows:
            f.write(f"{t!r}, {x!r}, {u!r}\n")


rng = random.Random(17)
points = [(1.0 - rng.random(), rng.random()) for _ in range(COUNT)]  # t in (0, 1], x in [0, 1)
clean = [(t, x, heat(t, x)) for t, x in points]
rms = math.sqrt(sum(u * u for _, _, u in clean) / COUNT)
noise = random.Random(23)
noisy = [(t, x, u + noise.gauss(0.0, 0.01 * rms)) for t, x, u in clean]
write("heat-observations.csv", clean)
write("heat-observations-noisy.csv", noisy)
print(f"wrote {COUNT} observations; noise sigma = {0.01 * rms:.6g} (1 % of rms(u) = {rms:.6g})")
