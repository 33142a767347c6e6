package org.geopinn.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;
import org.junit.jupiter.api.Test;

class CollocationLearnerTest {
    private static final int P = 8;

    /**
     * A linear system on [0, 1] whose rows are the features φ_p(x) = sin((p + 1)πx) and whose
     * residual is r(x) = Σ θ_p φ_p(x) − f(x), f(x) = x²(1 − x)·e^x: the tangent space is the span
     * of the eight sines, and r lies mostly in it.
     */
    private static final class SineSystem implements ResidualSystem {
        private double[] x;
        private long revision;

        SineSystem(double[] x) {
            this.x = x.clone();
        }

        @Override
        public int parameterCount() {
            return P;
        }

        @Override
        public int residualCount() {
            return x.length;
        }

        @Override
        public List<ResidualGroup> groups() {
            return List.of(new ResidualGroup("pde", 0, x.length));
        }

        @Override
        public ParameterLayout parameterLayout() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void residuals(double[] theta, double[] out) {
            for (int i = 0; i < x.length; i++) {
                double v = -x[i] * x[i] * (1 - x[i]) * Math.exp(x[i]);
                for (int p = 0; p < P; p++) {
                    v += theta[p] * Math.sin((p + 1) * Math.PI * x[i]);
                }
                out[i] = v;
            }
        }

        @Override
        public double loss(double[] theta) {
            double[] r = new double[x.length];
            residuals(theta, r);
            double s = 0;
            for (double v : r) {
                s += v * v;
            }
            return s / 2;
        }

        @Override
        public double lossAndGradient(double[] theta, double[] gradient) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void jacobian(double[] theta, double[] out) {
            for (int i = 0; i < x.length; i++) {
                for (int p = 0; p < P; p++) {
                    out[i * P + p] = Math.sin((p + 1) * Math.PI * x[i]);
                }
            }
        }

        @Override
        public void jacobianTimes(double[] theta, double[] v, double[] out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[] groupLosses(double[] theta) {
            return new double[] {loss(theta)};
        }

        @Override
        public double[] weights() {
            return new double[] {1};
        }

        @Override
        public void setWeights(double[] weights) {
            revision++;
        }

        @Override
        public void setPoints(String group, double[] points) {
            x = points.clone();
            revision++;
        }

        @Override
        public double[] points(String group) {
            return x.clone();
        }

        @Override
        public long revision() {
            return revision;
        }
    }

    private static double[] reference() {
        double[] y = new double[200];
        for (int k = 0; k < y.length; k++) {
            y[k] = (k + 0.5) / y.length;
        }
        return y;
    }

    @Test
    void learningMovesPointsTowardTheBestProjectionAndKeepsThemInside() {
        double[] start = {0.1, 0.15, 0.2};
        SineSystem system = new SineSystem(start);
        CollocationLearner learner = new CollocationLearner(new double[] {0}, new double[] {1}, 1e-10);
        CollocationLearner.Result r = learner.learn(system, new double[P], "pde", reference(), 15);
        double[] h = r.residuals();
        assertEquals(16, h.length);
        for (int k = 1; k < h.length; k++) {
            assertTrue(h[k] <= h[k - 1], "the distance never grows: " + java.util.Arrays.toString(h));
        }
        assertTrue(h[15] < 0.7 * h[0], "three clustered points must learn to spread: " + java.util.Arrays.toString(h));
        assertTrue(r.best() <= h[15] + 1e-12, "no three points beat the whole tangent space");
        for (double x : r.points()) {
            assertTrue(x >= 0 && x <= 1, "inside the box: " + x);
        }
        assertArrayEquals(r.points(), system.points("pde"), "the system is left at the learned points");
    }

    @Test
    void asManyGoodPointsAsParametersReachTheWholeTangentSpace() {
        double[] grid = new double[P];
        for (int i = 0; i < P; i++) {
            grid[i] = (i + 0.5) / P;
        }
        CollocationLearner learner = new CollocationLearner(new double[] {0}, new double[] {1}, 1e-10);
        CollocationLearner.Result r = learner.learn(new SineSystem(grid), new double[P], "pde", reference(), 0);
        assertEquals(r.best(), r.residuals()[0], 1e-8, "P points in general position span the P sines' kernel sections");
        assertTrue(r.best() > 1e-6, "f is not a finite sine sum, so the projection leaves something");
        assertThrows(GeopinnException.class, () -> new CollocationLearner(new double[] {0}, new double[] {1}, 1));
        assertThrows(GeopinnException.class, () -> learner.learn(new SineSystem(grid), new double[P], "boundary", reference(), 1));
    }

    @Test
    void aDomainPredicateKeepsThePointsInsideAndTheAdaptiveCutoffIsOneOfItsCandidates() {
        double[] start = {0.1, 0.15, 0.2};
        SineSystem system = new SineSystem(start);
        CollocationLearner learner = new CollocationLearner(new double[] {0}, new double[] {1}, Double.NaN, x -> x[0] <= 0.3);
        CollocationLearner.Result r = learner.learn(system, new double[P], "pde", reference(), 10);
        for (double x : r.points()) {
            assertTrue(x >= 0 && x <= 0.3, "inside the predicate's domain: " + x);
        }
        assertTrue(java.util.Arrays.stream(CollocationLearner.CUTOFFS).anyMatch(c -> c == learner.cutoff()), "cut-off " + learner.cutoff());
        double[] h = r.residuals();
        assertTrue(h[10] < h[0], "the learned objective falls: " + java.util.Arrays.toString(h));
        CollocationLearner.Result again = new CollocationLearner(new double[] {0}, new double[] {1}, Double.NaN, x -> x[0] <= 0.3)
                .learn(new SineSystem(start), new double[P], "pde", reference(), 10);
        assertArrayEquals(r.points(), again.points(), "deterministic");
    }
}
