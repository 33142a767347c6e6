package org.geopinn.engine;

import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.samplers.ResidualAdaptiveResampler;

/**
 * Residual-adaptive resampling (RAD, k = 1, c = 1) through the samplers bundle's resampler: a
 * condition's new points are drawn from its current points plus fresh candidates, with
 * probability growing with the residual there. The samplers bundle is an optional import: when
 * it is absent, {@link #available()} is false and sessions draw fresh points instead
 * ({@link Resampling#installed()}).
 */
final class AdaptiveResampling implements Resampling {
    /** Fresh candidates per current point. */
    static final int CANDIDATES_PER_POINT = 4;
    private static final boolean AVAILABLE = probe();
    /** The renewal through {@link #resample}; use only when {@link #available()}. */
    static final Resampling RAD = new AdaptiveResampling();

    private AdaptiveResampling() {
    }

    private static boolean probe() {
        try {
            ResidualAdaptiveResampler.rad();
            return true;
        } catch (LinkageError e) {
            return false;
        }
    }

    @Override
    public int candidatesPerPoint() {
        return CANDIDATES_PER_POINT;
    }

    @Override
    public void renew(ResidualSystem system, double[] theta, String group, double[] fresh, int dimension, long seed) {
        resample(system, theta, group, fresh, dimension, seed);
    }

    /** @return whether the resampler is installed */
    static boolean available() {
        return AVAILABLE;
    }

    /**
     * Replaces the points of one group by a residual-weighted selection of the same size.
     *
     * @param system the residual system (its points of the group change)
     * @param theta the current parameters (not modified)
     * @param group the condition's name
     * @param fresh fresh candidate points, row-major
     * @param dimension the number of variables
     * @param seed the seed of the selection
     */
    static void resample(ResidualSystem system, double[] theta, String group, double[] fresh, int dimension, long seed) {
        double[] current = system.points(group);
        int n = current.length / dimension;
        double[] candidates = CandidateResiduals.currentThenFresh(current, fresh);
        double[] r = CandidateResiduals.at(system, theta, group, candidates);
        system.setPoints(group, ResidualAdaptiveResampler.rad().select(candidates, r, dimension, n, seed));
    }
}
