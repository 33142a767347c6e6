package org.geopinn.evolution;

/**
 * When to refit a fresh network: when the relative PDE residual ‖Jθ̇ − L[u]‖/‖L[u]‖ of a step has
 * grown by more than a factor over its best (smallest) value since the last fit. The residual
 * is the part of the PDE's time derivative the network's tangent space cannot carry, so its growth
 * is the direct sign that the parametrisation has degraded (Finzi et al., 2023, refit to restore
 * the conditioning); a CG iteration count is only an indirect sign, and at a small regularisation
 * mu every solve needs about the CG limit, so a count rule would refit after every step. Measuring
 * against the values since each fit (not against a fixed level) keeps a refit that could not lower
 * the residual from being repeated at once. The smallest value, not the first: the first step after
 * a fit can be far above the run's level (a wave's velocity fitted to zero data has little tangent
 * space until it grows: measured 20 % at the first step, then 0.7 %), and a baseline taken there
 * never fired while the residual grew from 0.7 % to 8 %.
 */
final class ResidualRestartRule {
    private final double factor;
    private double baseline = Double.NaN;

    /** @param factor the growth factor (> 1) that calls for a refit; 0 for never */
    ResidualRestartRule(double factor) {
        this.factor = factor;
    }

    /** A fit (initial, Euler start or restart) has just produced new parameters: the baseline starts anew. */
    void fitted() {
        baseline = Double.NaN;
    }

    /**
     * Records an accepted step's residual.
     *
     * @param residual the step's relative PDE residual (NaN is ignored)
     * @return true when the residual exceeds factor × the smallest residual of the earlier steps since the last fit
     */
    boolean degraded(double residual) {
        if (factor <= 0 || !Double.isFinite(residual)) {
            return false;
        }
        if (Double.isNaN(baseline)) {
            baseline = residual;
            return false;
        }
        boolean degraded = residual > factor * baseline;
        baseline = Math.min(baseline, residual);
        return degraded;
    }

    /** @return the smallest residual of the steps since the last fit; NaN before the first */
    double baseline() {
        return baseline;
    }

    /** @return the growth factor; 0 when off */
    double factor() {
        return factor;
    }
}
