package org.geopinn.api.problem;

/**
 * A map of points of the domain, used to pair the points of one boundary part with those of
 * another (periodic conditions: the point x on the face x = a with x + (b − a) on the face x = b).
 */
@FunctionalInterface
public interface PointMap {
    /**
     * @param x a point (not modified)
     * @param out receives the image of x, one entry per variable (modified)
     */
    void map(double[] x, double[] out);

    /**
     * @param shift the translation, one entry per variable (copied)
     * @return the translation x ↦ x + shift
     */
    static PointMap translation(double... shift) {
        double[] s = shift.clone();
        return (x, out) -> {
            for (int j = 0; j < s.length; j++) {
                out[j] = x[j] + s[j];
            }
        };
    }
}
