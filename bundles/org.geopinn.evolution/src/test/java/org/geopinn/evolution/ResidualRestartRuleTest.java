package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.evolution.EvolutionEvent;
import org.geopinn.api.evolution.EvolutionEvent.Kind;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.GeopinnException;
import org.geopinn.evolution.problems.Advection2d;
import org.junit.jupiter.api.Test;

/** The refit rule on the PDE residual: against the first step after the last fit, and what a run does with it. */
class ResidualRestartRuleTest {
    @Test
    void refitsWhenTheResidualGrowsByTheFactorOverItsLeastSinceTheLastFit() {
        ResidualRestartRule rule = new ResidualRestartRule(3);
        assertFalse(rule.degraded(0.2), "the first step after a fit starts the baseline");
        assertFalse(rule.degraded(0.01), "a fall is no degradation");
        assertEquals(0.01, rule.baseline(), "the least residual since the fit, not the first");
        assertFalse(rule.degraded(0.029));
        assertFalse(rule.degraded(Double.NaN));
        assertTrue(rule.degraded(0.031));
        rule.fitted();
        assertFalse(rule.degraded(0.05), "a refit that could not lower the residual is not repeated at once");
        assertFalse(rule.degraded(0.12));
        assertTrue(rule.degraded(0.16));
        ResidualRestartRule off = new ResidualRestartRule(0);
        off.degraded(1e-6);
        assertFalse(off.degraded(1));
    }

    @Test
    void theSettingIsAFactorAboveOneOrZero() {
        assertEquals(4.0, EvolutionSettings.defaults().restartResidual());
        assertEquals(0, EvolutionSettings.defaults().restartCgIterations(), "the CG-count rule is off by default");
        assertEquals(0.0, EvolutionSettings.defaults().with(Map.of("restart-residual", "0")).restartResidual());
        GeopinnException e = org.junit.jupiter.api.Assertions.assertThrows(GeopinnException.class,
                () -> EvolutionSettings.defaults().with(Map.of("restart-residual", "0.5")));
        assertTrue(e.getMessage().contains("restart-residual"), e.getMessage());
    }

    /**
     * The wiring in a run: every refit follows a step whose residual exceeded the factor times the
     * least residual of the steps since the previous fit, and no other step did. A small network
     * carries a pulse; the factor 1.2 is below the spread of the residual from one fresh sample set to
     * the next (0.17–0.31 % here, so the default is 4), so the run does cross it.
     */
    @Test
    void aRunRefitsExactlyWhenTheResidualHasDegraded() {
        double factor = 1.2;
        EvolutionSettings settings = EvolutionSettings.defaults().with(Map.ofEntries(Map.entry("t-end", "0.3"),
                Map.entry("first-step", "0.05"), Map.entry("max-step", "0.05"), Map.entry("samples", "300"),
                Map.entry("hidden", "8,8"), Map.entry("model.frequencies", "3"), Map.entry("rank", "30"),
                Map.entry("fit-iterations", "40"), Map.entry("fit-tol", "2e-3"), Map.entry("error-points", "500"),
                Map.entry("restart-residual", Double.toString(factor))));
        EvolutionResult result = TestPoints.service().evolve(new Advection2d(), settings, null, null);
        List<EvolutionEvent> events = result.events();
        double baseline = Double.NaN;
        int restarts = 0;
        for (int i = 0; i < events.size(); i++) {
            EvolutionEvent e = events.get(i);
            if (e.kind() == Kind.STEP) {
                boolean refitNext = i + 1 < events.size() && events.get(i + 1).kind() == Kind.RESTARTED
                        || i + 2 < events.size() && events.get(i + 1).kind() == Kind.SNAPSHOT
                                && events.get(i + 2).kind() == Kind.RESTARTED;
                if (Double.isNaN(baseline)) {
                    baseline = e.residual();
                    assertFalse(refitNext, "no refit at the step that starts the baseline");
                    continue;
                }
                boolean degraded = e.residual() > factor * baseline;
                if (e.time() < 0.3 - 1e-12) {
                    assertEquals(degraded, refitNext, "step at t=" + e.time() + ": residual " + e.residual()
                            + " against baseline " + baseline);
                }
                baseline = Math.min(baseline, e.residual());
            } else if (e.kind() == Kind.RESTARTED) {
                restarts++;
                assertTrue(e.message().startsWith("PDE residual"), e.message());
                System.out.println("refit at t=" + e.time() + " (" + e.message() + "), error " + e.relativeError());
                baseline = Double.NaN;
            }
        }
        assertTrue(restarts >= 1, "the residual of this run grows past the factor: restarts " + restarts);
        assertEquals(restarts, result.finalState().restarts());
    }
}
