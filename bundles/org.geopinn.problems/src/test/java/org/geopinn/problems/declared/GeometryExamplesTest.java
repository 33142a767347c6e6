package org.geopinn.problems.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;

/**
 * The geometry examples of examples/geometry parse, and the closed-form reference of the L-shape
 * benchmark is the solution of its PDE: a five-point finite-difference solve on the masked grid
 * (conjugate gradients to 1e-13) converges to it at second order, and Richardson's extrapolation of
 * two grids agrees with it to 1e-6.
 */
class GeometryExamplesTest {
    private static final Path EXAMPLES = Path.of("../../examples/geometry");

    @Test
    void theExamplesParse() {
        for (String name : new String[] {"plate-with-hole", "disk-robin", "l-shape"}) {
            Problem p = ProblemDeclaration.load(EXAMPLES.resolve("org.geopinn.problems.declared-" + name + ".cfg"));
            assertEquals(name, p.id());
        }
        Problem plate = ProblemDeclaration.load(EXAMPLES.resolve("org.geopinn.problems.declared-plate-with-hole.cfg"));
        assertEquals(40, plate.reference().orElseThrow().points().length / 2, "40 of the 200 probes held out");
    }

    @Test
    void finiteDifferencesConfirmTheLShapeReference() {
        Problem p = ProblemDeclaration.load(EXAMPLES.resolve("org.geopinn.problems.declared-l-shape.cfg"));
        Geometry l = p.domain().geometry().orElseThrow();
        double[] coarse = solve(l, 32);
        double[] fine = solve(l, 64);
        double eCoarse = 0;
        double eFine = 0;
        double eRichardson = 0;
        double norm = 0;
        for (int i = 0; i <= 64; i++) {
            for (int j = 0; j <= 64; j++) {
                double x = i / 32.0;
                double y = j / 32.0;
                double exact = Math.sin(Math.PI * x) * Math.sin(Math.PI * y);
                double c = coarse[i * 65 + j];
                double f = fine[(2 * i) * 129 + 2 * j];
                if (l.signedDistance(new double[] {x, y}) < 0) {
                    eCoarse = Math.max(eCoarse, Math.abs(c - exact));
                    eFine = Math.max(eFine, Math.abs(f - exact));
                    eRichardson = Math.max(eRichardson, Math.abs((4 * f - c) / 3 - exact));
                    norm = Math.max(norm, Math.abs(exact));
                }
            }
        }
        double ratio = eCoarse / eFine;
        assertTrue(ratio > 3.8 && ratio < 4.2, "second order: error ratio " + ratio);
        assertTrue(eRichardson / norm < 1e-6, "Richardson's extrapolation: " + eRichardson / norm);
    }

    /** −Δ_h u = 2π² sin πx sin πy on the nodes strictly inside, u = 0 elsewhere; nodes (i, j) at (i h, j h), h = 1/n. */
    private static double[] solve(Geometry g, int n) {
        int side = 2 * n + 1;
        double h = 1.0 / n;
        boolean[] inside = new boolean[side * side];
        double[] b = new double[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                inside[i * side + j] = g.signedDistance(new double[] {i * h, j * h}) < 0;
                b[i * side + j] = inside[i * side + j] ? 2 * Math.PI * Math.PI * Math.sin(Math.PI * i * h) * Math.sin(Math.PI * j * h) * h * h : 0;
            }
        }
        double[] u = new double[side * side];
        double[] r = b.clone();
        double[] d = r.clone();
        double[] q = new double[side * side];
        double rr = dot(r, r);
        double stop = 1e-26 * rr;
        for (int it = 0; it < 10 * side * side && rr > stop; it++) {
            apply(d, q, inside, side);
            double alpha = rr / dot(d, q);
            for (int k = 0; k < u.length; k++) {
                u[k] += alpha * d[k];
                r[k] -= alpha * q[k];
            }
            double next = dot(r, r);
            for (int k = 0; k < u.length; k++) {
                d[k] = r[k] + next / rr * d[k];
            }
            rr = next;
        }
        return u;
    }

    /** q = A d for the 5-point −h²Δ on inside nodes; outside nodes hold 0. */
    private static void apply(double[] d, double[] q, boolean[] inside, int side) {
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int k = i * side + j;
                if (!inside[k]) {
                    q[k] = 0;
                    continue;
                }
                double s = 4 * d[k];
                s -= inside[k - side] ? d[k - side] : 0;
                s -= inside[k + side] ? d[k + side] : 0;
                s -= inside[k - 1] ? d[k - 1] : 0;
                s -= inside[k + 1] ? d[k + 1] : 0;
                q[k] = s;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
