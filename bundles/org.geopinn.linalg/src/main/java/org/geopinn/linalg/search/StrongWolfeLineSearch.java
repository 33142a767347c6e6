package org.geopinn.linalg.search;

/**
 * Line search for the strong Wolfe conditions φ(t) ≤ φ(0) + c₁tφ'(0) and |φ'(t)| ≤ c₂|φ'(0)|
 * (Nocedal &amp; Wright, algorithms 3.5 and 3.6): bracketing by cubic extrapolation, then zoom
 * by safeguarded cubic interpolation. Non-finite values count as too long a step.
 */
public final class StrongWolfeLineSearch {
    private final double c1;
    private final double c2;
    private final int maxEvaluations;
    private final double intervalTolerance;

    /**
     * @param c1 sufficient-decrease constant, 0 &lt; c1 &lt; c2
     * @param c2 curvature constant, c1 &lt; c2 &lt; 1
     * @param maxEvaluations the most evaluations of φ in one search, ≥ 1
     * @param intervalTolerance stop zooming when the bracket is shorter than this
     */
    public StrongWolfeLineSearch(double c1, double c2, int maxEvaluations, double intervalTolerance) {
        if (!(0 < c1 && c1 < c2 && c2 < 1) || maxEvaluations < 1 || !(intervalTolerance >= 0)) {
            throw new IllegalArgumentException("strong Wolfe needs 0 < c1 < c2 < 1 and maxEvaluations >= 1");
        }
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
        this.intervalTolerance = intervalTolerance;
    }

    /**
     * @param phi the function along the line
     * @param f0 φ(0)
     * @param g0 φ'(0), &lt; 0 for a descent direction
     * @param initialStep the first trial step, &gt; 0
     * @param budget the most evaluations allowed in this call (the smaller of it and the configured maximum)
     * @return the accepted step; {@link SmoothLineFunction#keep()} was called for it unless it is 0
     */
    public WolfeResult search(SmoothLineFunction phi, double f0, double g0, double initialStep, int budget) {
        int limit = Math.min(maxEvaluations, budget);
        double tPrev = 0;
        double fPrev = f0;
        double gPrev = g0;
        double t = initialStep;
        int evals = 0;
        // Best point satisfying sufficient decrease so far (t = 0 is the start).
        double tBest = 0;
        double fBest = f0;
        double gBest = g0;
        double lo;
        double fLo;
        double gLo;
        double hi;
        double fHi;
        double gHi;
        while (true) {
            if (evals >= limit) {
                return new WolfeResult(tBest, fBest, gBest, evals, false);
            }
            double f = phi.value(t);
            double g = phi.slope();
            evals++;
            if (!Double.isFinite(f) || !Double.isFinite(g)) {
                f = Double.POSITIVE_INFINITY;
                g = Double.NaN;
            }
            if (f > f0 + c1 * t * g0 || (evals > 1 && f >= fPrev)) {
                lo = tPrev; fLo = fPrev; gLo = gPrev;
                hi = t; fHi = f; gHi = g;
                break;
            }
            phi.keep();
            tBest = t; fBest = f; gBest = g;
            if (Math.abs(g) <= -c2 * g0) {
                return new WolfeResult(t, f, g, evals, true);
            }
            if (g >= 0) {
                lo = t; fLo = f; gLo = g;
                hi = tPrev; fHi = fPrev; gHi = gPrev;
                break;
            }
            double next = cubicMinimum(tPrev, fPrev, gPrev, t, f, g, t + 0.01 * (t - tPrev), 10 * t);
            tPrev = t; fPrev = f; gPrev = g;
            t = next;
        }
        return zoom(phi, f0, g0, lo, fLo, gLo, hi, fHi, gHi, evals, limit, tBest, fBest, gBest);
    }

    private WolfeResult zoom(SmoothLineFunction phi, double f0, double g0, double lo, double fLo, double gLo,
            double hi, double fHi, double gHi, int evals, int limit, double tBest, double fBest, double gBest) {
        boolean insufficientProgress = false;
        while (evals < limit && Math.abs(hi - lo) > intervalTolerance) {
            double left = Math.min(lo, hi);
            double right = Math.max(lo, hi);
            double t = Double.isFinite(fHi) && Double.isFinite(gHi)
                    ? cubicMinimum(lo, fLo, gLo, hi, fHi, gHi, left, right)
                    : 0.5 * (lo + hi);
            // Safeguard against steps too close to the ends of the bracket (as in PyTorch's zoom).
            double margin = 0.1 * (right - left);
            if (Math.min(right - t, t - left) < margin) {
                if (insufficientProgress || t >= right || t <= left) {
                    t = Math.abs(t - right) < Math.abs(t - left) ? right - margin : left + margin;
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            double f = phi.value(t);
            double g = phi.slope();
            evals++;
            if (!Double.isFinite(f) || !Double.isFinite(g)) {
                f = Double.POSITIVE_INFINITY;
                g = Double.NaN;
            }
            if (f > f0 + c1 * t * g0 || f >= fLo) {
                hi = t; fHi = f; gHi = g;
            } else {
                phi.keep();
                tBest = t; fBest = f; gBest = g;
                if (Math.abs(g) <= -c2 * g0) {
                    return new WolfeResult(t, f, g, evals, true);
                }
                if (g * (hi - lo) >= 0) {
                    hi = lo; fHi = fLo; gHi = gLo;
                }
                lo = t; fLo = f; gLo = g;
            }
        }
        return new WolfeResult(tBest, fBest, gBest, evals, false);
    }

    /**
     * The minimiser of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to [xmin, xmax];
     * the midpoint of the bounds if the cubic has no minimiser.
     */
    static double cubicMinimum(double x1, double f1, double g1, double x2, double f2, double g2, double xmin, double xmax) {
        double lower = Math.min(xmin, xmax);
        double upper = Math.max(xmin, xmax);
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2sq = d1 * d1 - g1 * g2;
        if (d2sq >= 0 && Double.isFinite(d2sq)) {
            double d2 = Math.sqrt(d2sq);
            double m = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            if (Double.isFinite(m)) {
                return Math.min(Math.max(m, lower), upper);
            }
        }
        return 0.5 * (lower + upper);
    }
}
