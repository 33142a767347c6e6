#!/usr/bin/env python3
"""The trained coefficients of a run, round by round of the collocation points.

    python3 coefficient-rounds.py RUN [NAME=TRUE ...] [--last FRACTION]

RUN is a results folder (history.csv, summary.json). With residual-adaptive resampling every R
steps, a trained coefficient settles within a few steps on the value that makes the PDE residual
smallest on that round's points, and jumps when the points are drawn again: each round's value is
one quadrature of the same equation, with its own quadrature error. This prints, per coefficient,
its value at the end of every round that ends in the last FRACTION of the steps (default 0.25),
their mean, standard deviation and standard error (sd / sqrt(rounds)), and with NAME=TRUE the
relative errors of the last value and of the mean. The mean is the average over rounds of the
iterates (Polyak & Juditsky, "Acceleration of stochastic approximation by averaging", 1992): it
uses the points of every round, not only of the last.
"""
import csv
import json
import math
import sys
from pathlib import Path


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    run = Path(argv[0])
    truth = {}
    last_fraction = 0.25
    rest = argv[1:]
    while rest:
        arg = rest.pop(0)
        if arg == "--last":
            last_fraction = float(rest.pop(0))
        else:
            name, value = arg.split("=")
            truth[name] = float(value)
    summary = json.loads((run / "summary.json").read_text())
    every = int(summary.get("resample_every") or 0)
    with open(run / "history.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    names = [c[len("coefficient_"):] for c in rows[0] if c.startswith("coefficient_")]
    if not names:
        sys.exit(f"{run}: no trained coefficient in history.csv")
    steps = int(rows[-1]["step"])
    start = steps * (1 - last_fraction)
    # a round ends just before the points are drawn again (steps R, 2R, ...) or at the last step
    ends = [r for r in rows if int(r["step"]) > start and ((every > 0 and int(r["step"]) % every == 0) or r is rows[-1])]
    print(f"{run}: {steps} steps, points resampled every {every or 'never'}; rounds ending after step {start:g}: {len(ends)}")
    for name in names:
        values = [float(r["coefficient_" + name]) for r in ends]
        mean = sum(values) / len(values)
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1)) if len(values) > 1 else float("nan")
        print(f"  {name} at the round ends: " + ", ".join(f"{v:.8g}" for v in values))
        line = f"  {name}: last {values[-1]:.8g}, mean over {len(values)} rounds {mean:.8g}, sd {sd:.3g}, standard error {sd / math.sqrt(len(values)):.3g}"
        if name in truth:
            t = truth[name]
            line += f"; relative error: last {(values[-1] - t) / t:+.2e}, mean {(mean - t) / t:+.2e}"
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
