package org.geopinn.engine;

import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.ReferenceSolution;

/**
 * Relative L2 errors of a model against a reference solution on a fixed evaluation set: a
 * closed grid over the domain in up to three dimensions, Halton points beyond (a grid would need
 * too many points there). Everything is allocated once; {@link #measure} allocates only its result.
 */
final class ReferenceErrors {
    /** Evaluation points are processed in chunks of this size to bound the evaluator workspace. */
    private static final int CHUNK = 2048;
    /** Halton points used for more than three dimensions. */
    static final int QUASI_RANDOM_POINTS = 4096;

    private final int n;
    private final int d;
    private final int fields;
    private final double[] points;
    private final double[] exact;
    private final double[] exactNorm2;
    private final ModelEvaluator evaluator;
    private final double[] chunk;

    /**
     * @param domain the domain
     * @param reference the reference solution
     * @param model the model (its field count)
     */
    ReferenceErrors(Domain domain, ReferenceSolution reference, Model model) {
        this.d = domain.dimension();
        this.fields = model.spec().fields().size();
        double[] known = reference.points();
        this.points = known != null ? known : evaluationPoints(domain);
        this.n = points.length / d;
        this.exact = new double[n * fields];
        reference.evaluate(points, n, exact);
        this.exactNorm2 = new double[fields];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < fields; f++) {
                exactNorm2[f] += exact[i * fields + f] * exact[i * fields + f];
            }
        }
        this.evaluator = model.evaluator(DerivativeRequest.valuesOnly(d), Math.min(n, CHUNK));
        this.chunk = new double[Math.min(n, CHUNK) * d];
    }

    /**
     * @param domain a box or a geometry
     * @return a closed grid of about 1000 (1-D), 65² (2-D) or 21³ (3-D) points over the box; Halton
     *         points beyond; for a geometry, those of them in the closed domain
     */
    static double[] evaluationPoints(Domain domain) {
        int d = domain.dimension();
        int perAxis = d == 1 ? 1001 : d == 2 ? 65 : 21;
        double[] all = d > 3 ? halton(domain, QUASI_RANDOM_POINTS) : grid(domain, perAxis);
        if (domain.geometry().isEmpty()) {
            return all;
        }
        double[] kept = new double[all.length];
        double[] x = new double[d];
        int k = 0;
        for (int i = 0; i < all.length / d; i++) {
            System.arraycopy(all, i * d, x, 0, d);
            if (domain.contains(x)) {
                System.arraycopy(x, 0, kept, k * d, d);
                k++;
            }
        }
        return java.util.Arrays.copyOf(kept, k * d);
    }

    /**
     * @param domain a box
     * @param perAxis points per axis, at least 2
     * @return the closed tensor grid, row-major, first variable varying fastest
     */
    static double[] grid(Domain domain, int perAxis) {
        int d = domain.dimension();
        int total = (int) Math.pow(perAxis, d);
        double[] p = new double[total * d];
        for (int i = 0; i < total; i++) {
            int rest = i;
            for (int j = 0; j < d; j++) {
                int k = rest % perAxis;
                rest /= perAxis;
                p[i * d + j] = domain.lower(j) + (domain.upper(j) - domain.lower(j)) * k / (perAxis - 1);
            }
        }
        return p;
    }

    /**
     * @param domain a box
     * @param count the number of points
     * @return the first {@code count} points (after the origin) of the Halton sequence, scaled to the box
     */
    static double[] halton(Domain domain, int count) {
        int d = domain.dimension();
        int[] primes = firstPrimes(d);
        double[] p = new double[count * d];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < d; j++) {
                p[i * d + j] = domain.lower(j) + (domain.upper(j) - domain.lower(j)) * radicalInverse(i + 1, primes[j]);
            }
        }
        return p;
    }

    private static double radicalInverse(int i, int base) {
        double result = 0;
        double f = 1.0 / base;
        for (int k = i; k > 0; k /= base) {
            result += f * (k % base);
            f /= base;
        }
        return result;
    }

    private static int[] firstPrimes(int count) {
        int[] primes = new int[count];
        int found = 0;
        for (int c = 2; found < count; c++) {
            boolean prime = true;
            for (int k = 0; k < found && primes[k] * primes[k] <= c; k++) {
                if (c % primes[k] == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                primes[found++] = c;
            }
        }
        return primes;
    }

    /** @return the number of evaluation points */
    int pointCount() {
        return n;
    }

    /**
     * @param theta the model parameters (not modified)
     * @return the relative L2 error over all fields at index 0, then one per field; where a
     *         field's reference is zero everywhere its absolute RMS error is reported instead
     */
    double[] measure(double[] theta) {
        double[] diff2 = new double[fields];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            System.arraycopy(points, start * d, chunk, 0, m * d);
            evaluator.forward(theta, chunk, m);
            double[] v = evaluator.values();
            int k = evaluator.request().size();
            for (int f = 0; f < fields; f++) {
                int base = f * k * m;
                for (int i = 0; i < m; i++) {
                    double e = v[base + i] - exact[(start + i) * fields + f];
                    diff2[f] += e * e;
                }
            }
        }
        double[] out = new double[fields + 1];
        double allDiff = 0;
        double allNorm = 0;
        for (int f = 0; f < fields; f++) {
            allDiff += diff2[f];
            allNorm += exactNorm2[f];
            out[f + 1] = exactNorm2[f] > 0 ? Math.sqrt(diff2[f] / exactNorm2[f]) : Math.sqrt(diff2[f] / n);
        }
        out[0] = allNorm > 0 ? Math.sqrt(allDiff / allNorm) : Math.sqrt(allDiff / n);
        return out;
    }
}
