package org.geopinn.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.weighting.LossWeighting;
import org.geopinn.linalg.lsq.FunctionResidualSystem;
import org.junit.jupiter.api.Test;

class WeightingTest {
    private static final double[] THETA = {1, 3};

    /** Group "pde": r = 10θ₁ (∇ = (100θ₁, 0)); group "boundary": r = θ₂ − 1 (∇ = (0, θ₂ − 1)). */
    private static FunctionResidualSystem twoGroups() {
        return new FunctionResidualSystem(2, List.of(new ResidualGroup("pde", 0, 1), new ResidualGroup("boundary", 1, 1)), null,
                (t, r) -> {
                    r[0] = 10 * t[0];
                    r[1] = t[1] - 1;
                },
                (t, j) -> {
                    j[0] = 10;
                    j[1] = 0;
                    j[2] = 0;
                    j[3] = 1;
                });
    }

    @Test
    void gradientNormBalancingFollowsTheFormula() {
        FunctionResidualSystem system = twoGroups();
        LossWeighting w = new GradientNormFactory().create(Map.of("interval", 5));
        assertTrue(w.update(system, THETA, 0));
        // n = (100, 2), mean 51, ŵ = (0.51, 25.5), w = 0.9 + 0.1ŵ
        assertArrayEquals(new double[] {0.951, 3.45}, system.weights(), 1e-12);
        assertFalse(w.update(system, THETA, 3));
        assertArrayEquals(new double[] {0.951, 3.45}, system.weights(), 1e-12);
        // the norms are of the unweighted terms, so ŵ is unchanged by the weights themselves
        assertTrue(w.update(system, THETA, 5));
        assertArrayEquals(new double[] {0.9 * 0.951 + 0.051, 0.9 * 3.45 + 2.55}, system.weights(), 1e-12);
    }

    @Test
    void aMaximumWeightCapsTheBalancing() {
        FunctionResidualSystem system = twoGroups();
        LossWeighting w = new GradientNormFactory().create(Map.of("interval", 1, "max_weight", 2.0));
        assertTrue(w.update(system, THETA, 0));
        // uncapped (0.951, 3.45), as in the test above; the boundary weight stops at 2
        assertArrayEquals(new double[] {0.951, 2}, system.weights(), 1e-12);
    }

    @Test
    void annealingFollowsWangTengPerdikaris() {
        FunctionResidualSystem system = twoGroups();
        LossWeighting w = new AnnealingFactory().create(Map.of("reference", "pde"));
        assertTrue(w.update(system, THETA, 0));
        // max|∇L_pde| = 100, mean|∇L_boundary| = 1, ŵ = 100, w = 0.1·1 + 0.9·100
        assertArrayEquals(new double[] {1, 90.1}, system.weights(), 1e-12);
        assertFalse(w.update(system, THETA, 7));
        LossWeighting unknown = new AnnealingFactory().create(Map.of("reference", "walls"));
        GeopinnException e = assertThrows(GeopinnException.class, () -> unknown.update(twoGroups(), THETA, 0));
        assertTrue(e.getMessage().contains("[pde, boundary]"), e.getMessage());
    }

    @Test
    void fixedWeightsAreSetOnceAndChecked() {
        FunctionResidualSystem system = twoGroups();
        LossWeighting w = new FixedWeightingFactory().create(Map.of("weights", "1, 100"));
        assertTrue(w.update(system, THETA, 0));
        assertArrayEquals(new double[] {1, 100}, system.weights(), 0);
        assertFalse(w.update(system, THETA, 1));
        assertFalse(new FixedWeightingFactory().create(Map.of()).update(twoGroups(), THETA, 0));
        LossWeighting wrongCount = new FixedWeightingFactory().create(Map.of("weights", "1,2,3"));
        assertThrows(GeopinnException.class, () -> wrongCount.update(twoGroups(), THETA, 0));
        assertThrows(GeopinnException.class, () -> new FixedWeightingFactory().create(Map.of("weights", "1,-2")));
        assertThrows(GeopinnException.class, () -> new GradientNormFactory().create(Map.of("interval", 0)));
        assertTrue(new GradientNormFactory().settings().get("momentum").contains("default 0.9"));
    }

    @Test
    void ntkTraceBalancingFollowsWangYuPerdikaris() {
        FunctionResidualSystem system = twoGroups();
        NtkTraceBalancing w = (NtkTraceBalancing) new NtkTraceFactory().create(Map.of("interval", 0));
        assertTrue(w.update(system, THETA, 0));
        // J = diag(10, 1): tr K = (100, 1) exactly (±1 probes on a diagonal J), w_g = 101 / t_g
        assertArrayEquals(new double[] {1.01, 101}, system.weights(), 1e-12);
        assertEquals(100, w.exportState().get("trace.0"), 1e-12);
        // the traces are of the unweighted blocks, so balancing again gives the same weights
        assertArrayEquals(new double[] {100, 1}, w.traces(system, THETA).clone(), 1e-12);
        // interval 0: once, then never again
        assertFalse(w.update(system, THETA, 0));
        assertFalse(w.update(system, THETA, 50));
    }

    @Test
    void aResumedNtkBalancingKeepsTheSavedWeightsInsteadOfBalancingAgain() {
        FunctionResidualSystem first = twoGroups();
        NtkTraceBalancing saved = (NtkTraceBalancing) new NtkTraceFactory().create(Map.of("interval", 0));
        assertTrue(saved.update(first, THETA, 0));
        // the resumed run's network has moved: its kernel now gives other traces, but the saved
        // run's weights are kept (a second balancing on a trained network is what diverged)
        FunctionResidualSystem resumedSystem = twoGroups();
        LossWeighting resumed = new NtkTraceFactory().create(Map.of("interval", 0));
        resumed.importState(Map.of("trace.0", 4.0, "trace.1", 1.0));
        assertTrue(resumed.update(resumedSystem, THETA, 50));
        assertArrayEquals(new double[] {1.25, 5}, resumedSystem.weights(), 1e-12, "w_g = Σ t / t_g of the saved traces");
        assertEquals(4.0, resumed.exportState().get("trace.0"), 1e-12, "saved again as they were");
        assertFalse(resumed.update(resumedSystem, THETA, 51));
        // saved traces of another system (another number of conditions) are not used
        LossWeighting other = new NtkTraceFactory().create(Map.of("interval", 0));
        other.importState(Map.of("trace.0", 4.0));
        FunctionResidualSystem fresh = twoGroups();
        assertTrue(other.update(fresh, THETA, 50));
        assertArrayEquals(first.weights(), fresh.weights(), 1e-12, "estimated afresh");
        // with an interval, a step that an uninterrupted run re-balances at is estimated afresh too
        LossWeighting periodic = new NtkTraceFactory().create(Map.of("interval", 50));
        periodic.importState(Map.of("trace.0", 4.0, "trace.1", 1.0));
        FunctionResidualSystem due = twoGroups();
        assertTrue(periodic.update(due, THETA, 50));
        assertArrayEquals(first.weights(), due.weights(), 1e-12);
    }

    @Test
    void ntkTracesAreReadFromTheJacobianOrEstimatedNearIt() {
        // one group, r = Aθ with a dense 3×4 A: tr(AAᵀ) = ‖A‖²_F = 1+4+9+16 + 1+1+1+1 + 4+0+4+0 = 42
        double[][] a = {{1, 2, 3, 4}, {1, -1, 1, -1}, {2, 0, -2, 0}};
        FunctionResidualSystem system = new FunctionResidualSystem(4, List.of(new ResidualGroup("pde", 0, 2), new ResidualGroup("boundary", 2, 1)),
                null, (t, r) -> {
                    for (int i = 0; i < 3; i++) {
                        r[i] = 0;
                        for (int j = 0; j < 4; j++) {
                            r[i] += a[i][j] * t[j];
                        }
                    }
                }, (t, jac) -> {
                    for (int i = 0; i < 3; i++) {
                        System.arraycopy(a[i], 0, jac, 4 * i, 4);
                    }
                });
        // exact_limit 0: the Hutchinson estimate even for this small system
        NtkTraceBalancing many = (NtkTraceBalancing) new NtkTraceFactory().create(Map.of("probes", 4000, "interval", 10, "exact_limit", 0));
        double[] t = many.traces(system, new double[4]).clone();
        assertEquals(34, t[0], 34 * 0.05);
        assertEquals(8, t[1], 8 * 0.05);
        assertNotEquals(34, t[0], 1e-9, "an estimate, not the Jacobian read exactly");
        // by default a Jacobian of 12 entries is read: the traces are ‖A_g‖²_F to rounding
        NtkTraceBalancing exact = (NtkTraceBalancing) new NtkTraceFactory().create(Map.of("probes", 1, "interval", 10));
        assertArrayEquals(new double[] {34, 8}, exact.traces(system, new double[4]), 1e-12);
        assertTrue(many.update(system, new double[4], 0));
        assertEquals(t[0] / t[1], system.weights()[1] / system.weights()[0], 1e-9);
        assertTrue(many.update(system, new double[4], 10));
        assertThrows(GeopinnException.class, () -> new NtkTraceFactory().create(Map.of("probes", 0)));
        assertThrows(GeopinnException.class, () -> new NtkTraceFactory().create(Map.of("exact_limit", -1)));
    }

    @Test
    void ntkReBalancesEveryTenStepsByDefaultOnTheKernelAsItIsThen() {
        DiagonalSystem system = new DiagonalSystem();
        LossWeighting w = new NtkTraceFactory().create(Map.of());
        assertTrue(w.update(system, new double[3], 0));
        // K_ii = (100, 1, 4): traces (101, 4), w = 105 / t
        assertArrayEquals(new double[] {105 / 101.0, 105 / 4.0}, system.weights(), 1e-12);
        // the "pde" block grows 100-fold (a layer forming): not yet looked at between re-balancings
        system.a[0] = 100;
        assertFalse(w.update(system, new double[3], 5));
        assertArrayEquals(new double[] {105 / 101.0, 105 / 4.0}, system.weights(), 1e-12);
        // at step 10 the weights follow the new traces (10001, 4) of the unweighted blocks
        assertTrue(w.update(system, new double[3], 10));
        assertArrayEquals(new double[] {10005 / 10001.0, 10005 / 4.0}, system.weights(), 1e-9);
    }

    /** r_i = √(w_g·ρ_i)·a_i·θ_i: a diagonal Jacobian with group and row weights; "pde" rows 0–1, "boundary" row 2. */
    static final class DiagonalSystem implements org.geopinn.api.operator.ResidualSystem {
        final double[] a = {10, 1, 2};
        final List<ResidualGroup> groups = List.of(new ResidualGroup("pde", 0, 2), new ResidualGroup("boundary", 2, 1));
        final Map<String, double[]> rho = new java.util.HashMap<>();
        double[] w = {1, 1};
        long revision;

        private double scale(int i) {
            ResidualGroup g = i < 2 ? groups.get(0) : groups.get(1);
            double[] r = rho.get(g.name());
            return Math.sqrt(w[i < 2 ? 0 : 1] * (r == null ? 1 : r[i - g.offset()]));
        }

        @Override public int parameterCount() { return 3; }
        @Override public int residualCount() { return 3; }
        @Override public List<ResidualGroup> groups() { return groups; }
        @Override public org.geopinn.api.model.ParameterLayout parameterLayout() { throw new UnsupportedOperationException(); }
        @Override public void residuals(double[] theta, double[] out) {
            for (int i = 0; i < 3; i++) {
                out[i] = scale(i) * a[i] * theta[i];
            }
        }
        @Override public double loss(double[] theta) { throw new UnsupportedOperationException(); }
        @Override public double lossAndGradient(double[] theta, double[] gradient) { throw new UnsupportedOperationException(); }
        @Override public void jacobian(double[] theta, double[] out) {
            java.util.Arrays.fill(out, 0);
            for (int i = 0; i < 3; i++) {
                out[3 * i + i] = scale(i) * a[i];
            }
        }
        @Override public void jacobianTimes(double[] theta, double[] v, double[] out) {
            for (int i = 0; i < 3; i++) {
                out[i] = scale(i) * a[i] * v[i];
            }
        }
        @Override public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) { throw new UnsupportedOperationException(); }
        @Override public double[] groupLosses(double[] theta) { throw new UnsupportedOperationException(); }
        @Override public double[] weights() { return w.clone(); }
        @Override public void setWeights(double[] weights) { w = weights.clone(); revision++; }
        @Override public void setRowWeights(String group, double[] rowWeights) { rho.put(group, rowWeights.clone()); revision++; }
        @Override public double[] rowWeights(String group) { double[] r = rho.get(group); return r == null ? null : r.clone(); }
        @Override public void setPoints(String group, double[] points) { rho.remove(group); revision++; }
        @Override public double[] points(String group) { throw new UnsupportedOperationException(); }
        @Override public long revision() { return revision; }
    }

    @Test
    void ntkRowEquilibrationGivesEveryRowOfAConditionTheSameDiagonal() {
        DiagonalSystem system = new DiagonalSystem();
        LossWeighting w = new NtkTraceFactory().create(Map.of("rows", true));
        assertTrue(w.update(system, new double[3], 0));
        // K_ii = (100, 1, 4): "pde" mean 50.5, ρ = (0.505, 50.5); "boundary" ρ = 1; traces kept (101, 4), w = 105 / t
        assertArrayEquals(new double[] {0.505, 50.5}, system.rowWeights("pde"), 1e-12);
        assertArrayEquals(new double[] {1}, system.rowWeights("boundary"), 1e-12);
        assertArrayEquals(new double[] {105 / 101.0, 105 / 4.0}, system.weights(), 1e-12);
        // weighted diagonals: equal within "pde", and every condition's trace the same
        assertEquals(system.weights()[0] * 0.505 * 100, system.weights()[0] * 50.5 * 1, 1e-9);
        assertEquals(105, system.weights()[1] * 4, 1e-12);
        assertFalse(w.update(system, new double[3], 1), "once, while the points stay");
        // new points drop the row weights: the next update renews them from the unweighted rows
        system.setPoints("pde", new double[0]);
        assertTrue(w.update(system, new double[3], 2));
        assertArrayEquals(new double[] {0.505, 50.5}, system.rowWeights("pde"), 1e-12);
        assertArrayEquals(new double[] {105 / 101.0, 105 / 4.0}, system.weights(), 1e-12);
        assertFalse(w.update(system, new double[3], 3));
    }
}
