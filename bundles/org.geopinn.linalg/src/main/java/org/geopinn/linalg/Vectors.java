package org.geopinn.linalg;

/** Allocation-free loops over {@code double[]} vectors used by every optimizer. */
public final class Vectors {
    private Vectors() {
    }

    /** @param a a vector @param b a vector of the same length @return a·b */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** @param a a vector @return ‖a‖₂ */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** @param a a vector @return max |a_i| */
    public static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * y ← y + alpha·x.
     *
     * @param alpha the factor
     * @param x not modified
     * @param y modified
     */
    public static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /**
     * out ← base + alpha·dir (out may be base).
     *
     * @param base not modified unless it is out
     * @param alpha the factor
     * @param dir not modified
     * @param out modified
     */
    public static void linearCombination(double[] base, double alpha, double[] dir, double[] out) {
        for (int i = 0; i < base.length; i++) {
            out[i] = base[i] + alpha * dir[i];
        }
    }

    /** @param a a vector @return true if every entry is finite */
    public static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
