package org.geopinn.engine;

import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.session.SessionSpec;

/**
 * How a condition's collocation points are renewed at a resampling round: from freshly drawn
 * candidates, the renewal picks the condition's new points. {@link #FRESH} takes the candidates
 * as they are; {@link AdaptiveResampling} selects where the residual is large.
 */
interface Resampling {
    /** Fresh points in place of the old ones: one candidate per point, all taken. */
    Resampling FRESH = new Resampling() {
        @Override
        public int candidatesPerPoint() {
            return 1;
        }

        @Override
        public void renew(ResidualSystem system, double[] theta, String group, double[] fresh, int dimension, long seed) {
            system.setPoints(group, fresh);
        }
    };

    /** @return how many times a condition's point count to draw as candidates */
    int candidatesPerPoint();

    /**
     * Replaces the points of one condition.
     *
     * @param system the residual system (its points of the group change)
     * @param theta the current parameters (not modified)
     * @param group the condition's name
     * @param fresh the candidates, {@link #candidatesPerPoint()} times the condition's count, row-major
     * @param dimension the number of variables
     * @param seed the seed of a random selection
     */
    void renew(ResidualSystem system, double[] theta, String group, double[] fresh, int dimension, long seed);

    /**
     * Replaces the points of one condition within the time left in the session's budget. Only renewals whose cost
     * can reach the budget's scale (learned points: minutes on a thousand points) use it; the others renew as
     * {@link #renew(ResidualSystem, double[], String, double[], int, long)} does.
     *
     * @param system the residual system (its points of the group change)
     * @param theta the current parameters (not modified)
     * @param group the condition's name
     * @param fresh the candidates, row-major
     * @param dimension the number of variables
     * @param seed the seed of a random selection
     * @param seconds the time the renewal may take; {@link Double#POSITIVE_INFINITY} without a budget
     */
    default void renew(ResidualSystem system, double[] theta, String group, double[] fresh, int dimension, long seed, double seconds) {
        renew(system, theta, group, fresh, dimension, seed);
    }

    /**
     * @param spec the resolved spec
     * @param problem the problem
     * @return learned or chosen points when the spec asks for them, else {@link #installed()}
     * @throws org.geopinn.api.GeopinnException when learned points are asked for without the samplers bundle
     */
    static Resampling of(SessionSpec spec, org.geopinn.api.problem.Problem problem) {
        if (spec.collocation() == null) {
            return installed();
        }
        if (!AdaptiveResampling.available()) {
            throw new org.geopinn.api.GeopinnException("learned collocation points need the samplers bundle (org.geopinn.samplers), which is not installed");
        }
        if (spec.collocation().chosen()) {
            return new ChosenResampling(spec.collocation(), problem);
        }
        return new LearnedResampling(spec.collocation(), problem);
    }

    /** @return the residual-adaptive renewal when the samplers bundle is installed, else {@link #FRESH} */
    static Resampling installed() {
        return AdaptiveResampling.available() ? AdaptiveResampling.RAD : FRESH;
    }

    /**
     * @param spec the session's spec
     * @param step a step
     * @return the resampling round the step is in (0 without resampling): round k draws with its own seeds
     */
    static long round(SessionSpec spec, long step) {
        return spec.resampleEvery() > 0 ? step / spec.resampleEvery() : 0;
    }
}
