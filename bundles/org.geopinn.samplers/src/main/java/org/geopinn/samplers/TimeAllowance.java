package org.geopinn.samplers;

/**
 * The time a learning run may take, counted from its construction: learners check it before each step, so a
 * session's time budget bounds a round of learned points to within one learning step.
 */
final class TimeAllowance {
    private final long start = System.nanoTime();
    private final double seconds;

    /** @param seconds the time allowed; {@link Double#POSITIVE_INFINITY} for no limit */
    TimeAllowance(double seconds) {
        this.seconds = seconds;
    }

    /** @return whether the time allowed has passed */
    boolean over() {
        return (System.nanoTime() - start) * 1e-9 >= seconds; // never with +∞
    }
}
