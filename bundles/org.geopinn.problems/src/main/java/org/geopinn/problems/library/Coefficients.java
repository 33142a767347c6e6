package org.geopinn.problems.library;

import java.util.Locale;
import org.geopinn.api.GeopinnException;

/**
 * Range checks of the coefficients of configurable problems, run before anything is computed
 * from them, so a configuration the problem cannot be solved with is refused with one line naming
 * the problem, the setting, the value and the range (and not, say, by a reference solver that
 * never converges). The metatype descriptions give the same ranges, so the command line refuses
 * such values before it touches the configuration.
 */
final class Coefficients {
    /**
     * The largest |ζ| of a double layer: the wall concentrations e^(∓ζ) differ by e^(2|ζ|), which
     * must stay below 1/(machine epsilon) = 2^52 for both to be resolved in float64 (2|ζ| ≤ 36).
     */
    static final double MAX_WALL_POTENTIAL = 18;

    private Coefficients() {
    }

    /** @throws GeopinnException unless {@code min ≤ value ≤ max} */
    static void within(String problem, String setting, double value, double min, double max, String why) {
        if (!(value >= min && value <= max)) {
            throw new GeopinnException("problem '" + problem + "': " + setting + " = " + format(value)
                    + " is out of range; it must be from " + format(min) + " to " + format(max) + " (" + why + ")");
        }
    }

    /** @throws GeopinnException unless {@code value > 0} and finite */
    static void positive(String problem, String setting, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new GeopinnException("problem '" + problem + "': " + setting + " = " + format(value)
                    + " is out of range; it must be positive and finite");
        }
    }

    /** @throws GeopinnException unless {@code value ≥ 0} and finite */
    static void nonNegative(String problem, String setting, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new GeopinnException("problem '" + problem + "': " + setting + " = " + format(value)
                    + " is out of range; it must be zero or positive and finite");
        }
    }

    /**
     * The smallest Debye length ε a reference grid of n intervals on [0, 1] resolves: the layer's
     * width ε/√2 must span at least 10 intervals.
     */
    static double smallestDebyeLength(int intervals) {
        return 10 * Math.sqrt(2) / intervals;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v)
                .replaceAll("\\.?0+(e|$)", "$1");
    }
}
