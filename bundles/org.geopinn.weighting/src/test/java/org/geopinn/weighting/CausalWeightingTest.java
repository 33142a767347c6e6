package org.geopinn.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.weighting.LossWeighting;
import org.junit.jupiter.api.Test;

class CausalWeightingTest {
    private static final double[] THETA = {0};

    /** u_t = 0 on t ∈ [0,1], x ∈ [0,1]: a "pde" on the interior and an "initial" face. */
    private static Problem problem(List<String> variables) {
        Vocabulary v = new Vocabulary(variables, List.of("u"));
        Domain domain = new Domain(variables, new double[variables.size()], ones(variables.size()),
                List.of(DomainPart.interior("interior"), DomainPart.face("initial", 0, false)));
        List<Condition> conditions = List.of(Condition.of("pde", "interior", v.d("u", variables.get(0)), null, 4),
                Condition.of("initial", "initial", v.field("u"), null, 1));
        return new Problem() {
            @Override public String id() { return "hand"; }
            @Override public String description() { return "hand case"; }
            @Override public Vocabulary vocabulary() { return v; }
            @Override public Domain domain() { return domain; }
            @Override public List<Condition> conditions() { return conditions; }
        };
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    /**
     * Rows are √(1/n)·√ρ_i·raw_i (MEAN scaling, condition weight 1): "pde" has 4 points at times
     * 0.1, 0.3, 0.6, 0.9, "initial" one point.
     */
    static final class HandSystem implements ResidualSystem {
        final double[] raw;
        final List<ResidualGroup> groups = List.of(new ResidualGroup("pde", 0, 4), new ResidualGroup("initial", 4, 1));
        final Map<String, double[]> rho = new HashMap<>();
        final Map<String, double[]> points = new HashMap<>(Map.of("pde", new double[] {0.1, 0.5, 0.3, 0.5, 0.6, 0.5, 0.9, 0.5},
                "initial", new double[] {0, 0.5}));
        long revision;

        HandSystem(double... raw) {
            this.raw = raw.clone();
        }

        @Override public int parameterCount() { return 1; }
        @Override public int residualCount() { return 5; }
        @Override public List<ResidualGroup> groups() { return groups; }
        @Override public ParameterLayout parameterLayout() { throw new UnsupportedOperationException(); }

        @Override
        public void residuals(double[] theta, double[] out) {
            for (ResidualGroup g : groups) {
                double[] w = rho.get(g.name());
                for (int i = 0; i < g.size(); i++) {
                    out[g.offset() + i] = Math.sqrt(1.0 / g.size()) * Math.sqrt(w == null ? 1 : w[i]) * raw[g.offset() + i];
                }
            }
        }

        @Override public double loss(double[] theta) { throw new UnsupportedOperationException(); }
        @Override public double lossAndGradient(double[] theta, double[] gradient) { throw new UnsupportedOperationException(); }
        @Override public void jacobian(double[] theta, double[] out) { throw new UnsupportedOperationException(); }
        @Override public void jacobianTimes(double[] theta, double[] v, double[] out) { throw new UnsupportedOperationException(); }
        @Override public void jacobianTransposeTimes(double[] theta, double[] u, double[] out) { throw new UnsupportedOperationException(); }
        @Override public double[] groupLosses(double[] theta) { throw new UnsupportedOperationException(); }
        @Override public double[] weights() { return new double[] {1, 1}; }
        @Override public void setWeights(double[] weights) { throw new UnsupportedOperationException(); }

        @Override
        public void setRowWeights(String group, double[] rowWeights) {
            rho.put(group, rowWeights == null ? null : rowWeights.clone());
            revision++;
        }

        @Override
        public double[] rowWeights(String group) {
            double[] w = rho.get(group);
            return w == null ? null : w.clone();
        }

        @Override
        public void setPoints(String group, double[] p) {
            points.put(group, p.clone());
            rho.remove(group);
            revision++;
        }

        @Override public double[] points(String group) { return points.get(group).clone(); }
        @Override public long revision() { return revision; }
    }

    private static LossWeighting causal(Map<String, ?> settings) {
        return new CausalWeightingFactory().create(settings, problem(List.of("t", "x")));
    }

    @Test
    void weightsFollowTheFormulaOnAHandCase() {
        HandSystem system = new HandSystem(1, 2, 3, 4, 7);
        LossWeighting w = causal(Map.of("slices", 2, "epsilon", "0.1", "tolerance", 0));
        assertTrue(w.update(system, THETA, 0));
        // slices of [0.1, 0.9]: {0.1, 0.3} and {0.6, 0.9}; L_0 = (1 + 4)/2 = 2.5, L_1 = (9 + 16)/2 = 12.5
        double w1 = Math.exp(-0.1 * 2.5);
        assertArrayEquals(new double[] {1, 1, w1, w1}, system.rowWeights("pde"), 1e-15);
        assertNull(system.rowWeights("initial"), "only the interior condition is weighted");
        // the slice losses are read without the row weights: the same residuals give the same weights
        long revision = system.revision();
        w.update(system, THETA, 1);
        assertArrayEquals(new double[] {1, 1, w1, w1}, system.rowWeights("pde"), 1e-15);
        // with three slices the middle one is empty (no point in [0.367, 0.633) but 0.6): L = (1+4, 9, 16)/…
        HandSystem three = new HandSystem(1, 2, 3, 4, 7);
        causal(Map.of("slices", 3, "epsilon", "1")).update(three, THETA, 0);
        // [0.1, 0.9] in thirds: {0.1, 0.3}, {0.6}, {0.9}: L = 2.5, 9, 16
        assertArrayEquals(new double[] {1, 1, Math.exp(-2.5), Math.exp(-11.5)}, three.rowWeights("pde"), 1e-15);
        assertTrue(revision <= system.revision());
    }

    @Test
    void smallChangesAreNotWrittenAndNewPointsStartAgain() {
        HandSystem system = new HandSystem(1, 2, 3, 4, 7);
        LossWeighting w = causal(Map.of("slices", 2, "epsilon", "0.1", "tolerance", 0.01));
        assertTrue(w.update(system, THETA, 0));
        long revision = system.revision();
        system.raw[0] = 1.01; // L_0 = 2.51: w_1 moves by 8e-4 < 0.01
        assertFalse(w.update(system, THETA, 1));
        assertEquals(revision, system.revision(), "an unchanged objective keeps the optimizer's curvature");
        system.setPoints("pde", new double[] {0.9, 0.5, 0.6, 0.5, 0.3, 0.5, 0.1, 0.5});
        assertTrue(w.update(system, THETA, 2), "new points get their weights at once");
        // now rows 0,1 are the late slice (raw 1.01, 2) and rows 2,3 the early one (3, 4): L_0 = 12.5
        double late = Math.exp(-0.1 * 12.5);
        assertArrayEquals(new double[] {late, late, 1, 1}, system.rowWeights("pde"), 1e-15);
    }

    @Test
    void epsilonAdvancesWhenEverySliceIsResolved() {
        HandSystem system = new HandSystem(0.01, 0.01, 0.01, 0.01, 0);
        CausalWeighting listed = (CausalWeighting) causal(Map.of("slices", 2, "epsilon", "0.1,1,10,100"));
        listed.update(system, THETA, 0);
        // L_0 = 1e-4: exp(−ε·1e-4) > 0.99 for every listed ε, so the schedule runs to its end
        assertEquals(100, listed.epsilon());
        assertEquals(Math.exp(-100 * 1e-4), system.rowWeights("pde")[3], 1e-15);
        CausalWeighting grown = (CausalWeighting) causal(Map.of("slices", 2, "epsilon", "0.1", "growth", 10, "max_epsilon", 1e5));
        grown.update(new HandSystem(0.01, 0.01, 0.01, 0.01, 0), THETA, 0);
        // 0.1 → 1 → 10 → 100 (exp(−0.01) = 0.990 > 0.99) → 1000 (exp(−0.1) = 0.905): stops there
        assertEquals(1000, grown.epsilon(), 1e-9);
        CausalWeighting unresolved = (CausalWeighting) causal(Map.of("slices", 2, "epsilon", "0.1,1"));
        unresolved.update(new HandSystem(1, 2, 3, 4, 7), THETA, 0);
        assertEquals(0.1, unresolved.epsilon(), "exp(−0.25) < 0.99: ε stays");
    }

    @Test
    void aResumedRunContinuesTheEpsilonScheduleWhereTheSavedOneStopped() {
        CausalWeighting saved = (CausalWeighting) causal(Map.of("slices", 2, "epsilon", "0.1", "growth", 10, "max_epsilon", 1e5));
        saved.update(new HandSystem(0.01, 0.01, 0.01, 0.01, 0), THETA, 0);
        assertEquals(1000, saved.epsilon(), 1e-9);
        Map<String, Double> state = saved.exportState();
        CausalWeighting resumed = (CausalWeighting) causal(Map.of("slices", 2, "epsilon", "0.1", "growth", 10, "max_epsilon", 1e5));
        assertEquals(0.1, resumed.epsilon(), "a fresh schedule starts at its first value");
        resumed.importState(state);
        assertEquals(1000, resumed.epsilon(), 1e-9);
        // the unresolved residuals of the hand case keep the restored ε: the weights are its, not the start's
        HandSystem system = new HandSystem(1, 2, 3, 4, 7);
        resumed.update(system, THETA, 0);
        // exp(−1000·2.5) is below the floor; a schedule started afresh would give exp(−0.1·2.5) = 0.78
        assertEquals(CausalWeighting.FLOOR, system.rowWeights("pde")[3]);
        // listed values: the index, not a stale value, decides
        CausalWeighting listed = (CausalWeighting) causal(Map.of("slices", 2, "epsilon", "0.1,1,10"));
        listed.importState(Map.of(CausalWeighting.STATE_ADVANCES, 1.0, CausalWeighting.STATE_EPSILON, 1.0));
        assertEquals(1, listed.epsilon());
        listed.importState(Map.of("unrelated", 3.0));
        assertEquals(1, listed.epsilon(), "a state without the schedule's names changes nothing");
    }

    @Test
    void badSettingsAndProblemsWithoutTimeFailWithOneLine() {
        GeopinnException noTime = assertThrows(GeopinnException.class,
                () -> new CausalWeightingFactory().create(Map.of(), problem(List.of("y", "x"))));
        assertTrue(noTime.getMessage().contains("time variable 't'"), noTime.getMessage());
        assertThrows(GeopinnException.class, () -> new CausalWeightingFactory().create(Map.of("epsilon", "0.1,-1")));
        assertThrows(GeopinnException.class, () -> new CausalWeightingFactory().create(Map.of("slices", 0)));
        GeopinnException unknown = assertThrows(GeopinnException.class,
                () -> causal(Map.of("conditions", "walls")));
        assertTrue(unknown.getMessage().contains("[pde, initial]"), unknown.getMessage());
    }
}
