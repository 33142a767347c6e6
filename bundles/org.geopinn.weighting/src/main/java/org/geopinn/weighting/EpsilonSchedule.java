package org.geopinn.weighting;

import org.geopinn.api.GeopinnException;

/**
 * The causality parameter ε of {@link CausalWeighting}: the listed values in order, then (with a
 * growth factor above 1) the last one multiplied by the factor at every advance, up to a maximum.
 */
final class EpsilonSchedule {
    private final double[] listed;
    private final double growth;
    private final double max;
    private int index;
    private double current;

    /**
     * @param listed the values to use first, in order (at least one, positive)
     * @param growth the factor applied after the last listed value; 1 or less keeps it
     * @param max ε never exceeds this
     */
    EpsilonSchedule(double[] listed, double growth, double max) {
        this.listed = listed.clone();
        this.growth = growth;
        this.max = max;
        this.current = Math.min(listed[0], max);
    }

    /**
     * @param text comma-separated positive numbers
     * @return them
     * @throws GeopinnException naming the bad entry
     */
    static double[] parse(String text) {
        String[] parts = text.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                v[i] = Double.NaN;
            }
            if (!(v[i] > 0) || Double.isInfinite(v[i])) {
                throw new GeopinnException("setting 'epsilon' of causal has '" + parts[i].trim()
                        + "'; allowed: positive numbers separated by commas, e.g. 0.01,0.1,1,10,100");
            }
        }
        return v;
    }

    /** @return the current ε */
    double value() {
        return current;
    }

    /** @return how many times ε has advanced */
    int advances() {
        return index;
    }

    /**
     * Puts the schedule where a saved run left it.
     *
     * @param advances how many times ε had advanced ({@link #advances()})
     * @param value the ε it had then ({@link #value()}); after the listed values it is the only
     *        record of how far the growth went
     */
    void restore(int advances, double value) {
        if (advances < 0 || !(value > 0) || Double.isInfinite(value)) {
            return; // not a state this schedule exported: keep the start
        }
        index = advances;
        current = Math.min(index < listed.length ? listed[index] : value, max);
    }

    /**
     * Moves to the next ε.
     *
     * @return whether ε changed (false once the schedule is at its end)
     */
    boolean advance() {
        double next;
        if (index + 1 < listed.length) {
            next = listed[index + 1];
        } else if (growth > 1) {
            next = current * growth;
        } else {
            return false;
        }
        next = Math.min(next, max);
        if (next == current) {
            return false;
        }
        index++;
        current = next;
        return true;
    }
}
