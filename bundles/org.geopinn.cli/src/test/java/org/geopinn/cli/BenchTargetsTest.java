package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.cli.BenchTables.Run;
import org.geopinn.cli.BenchSuites.Target;
import org.junit.jupiter.api.Test;

/** Time to a target error and the verdict over seeds, as the bench tables report them. */
class BenchTargetsTest {
    private static TrainingEvent step(long step, double seconds, double err) {
        return new TrainingEvent(TrainingEvent.Kind.STEP, "s", step, seconds, 1, new double[] {1}, new double[] {1}, err, new double[0],
                "anagram", "", null);
    }

    private static Run run(double... reached) {
        return new Run("laplace2d", "laplace2d", "anagram", 0, 10, 60, 1e-9, 1e-9, "finished", null, reached);
    }

    private static Run coupled(BenchSuites.Entry e, String optimizer, double error) {
        return new Run(e.problem(), e.label(), optimizer, 0, 2000, 60, 1e-6, error, "finished", null, new double[0]);
    }

    @Test
    void everySuiteFindsEachRunsEntryByItsLabel() {
        BenchSuites.SUITES.values().forEach(suite -> assertEquals(suite.entries().size(),
                suite.entries().stream().map(BenchSuites.Entry::label).distinct().count(), suite.name()));
        BenchSuites.Entry burgers = new BenchSuites.Entry("burgers", List.of("default"), 60, 1, List.of());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BenchSuites.Suite("twice", List.of(burgers, burgers), 1, "two entries with one label"));
    }

    @Test
    void aSuiteCutToOneChainKeepsOnlyTheEntriesThatRunIt() {
        BenchSuites.Suite nonlinear = BenchSuites.SUITES.get("nonlinear");
        BenchSuites.Suite cut = BenchSuites.only(nonlinear, "adam");
        assertEquals(List.of("allen-cahn"), cut.entries().stream().map(BenchSuites.Entry::problem).toList());
        assertEquals(List.of("adam"), cut.entries().get(0).optimizers());
        assertEquals(nonlinear.entries().get(1).targets(), cut.entries().get(0).targets());
        org.junit.jupiter.api.Assertions.assertThrows(org.geopinn.api.GeopinnException.class, () -> BenchSuites.only(nonlinear, "soap"));
    }

    @Test
    void theFirstCheckedEventAtOrBelowTheErrorGivesTheTime() {
        List<TrainingEvent> h = List.of(step(1, 1.0, 1e-2), step(2, 2.0, Double.NaN), step(3, 3.0, 1e-6), step(4, 4.5, 1e-9));
        double[] at = BenchCommand.reached(h, List.of(new Target(1e-6, 10), new Target(1e-8, 60), new Target(1e-12, 60)));
        assertEquals(3.0, at[0]);
        assertEquals(4.5, at[1]);
        assertTrue(Double.isNaN(at[2]), "never reached");
    }

    @Test
    void aTargetIsMetWhenTheMedianRunReachesItInTime() {
        Target t = new Target(1e-6, 10);
        List<Run> three = List.of(run(2), run(9), run(Double.NaN));
        assertTrue(BenchTables.verdict(three, 0, t).endsWith("**met**"), BenchTables.verdict(three, 0, t));
        assertTrue(BenchTables.verdict(three, 0, t).contains("2 of 3"));
        List<Run> late = List.of(run(2), run(11), run(Double.NaN));
        assertTrue(BenchTables.verdict(late, 0, t).endsWith("**missed**"), BenchTables.verdict(late, 0, t));
        assertTrue(BenchTables.verdict(late, 0, t).contains("1 of 3, median 11.0 s"));
        assertTrue(BenchTables.verdict(three, 0, t, 1e-5).contains("not measured (the runs stopped at ≤ 1.00e-05)"),
                "a target below the error the runs stopped at says nothing: " + BenchTables.verdict(three, 0, t, 1e-5));
        assertTrue(BenchTables.verdict(three, 0, t, 1e-6).endsWith("**met**"), "a run stopped at the target still counts");
    }

    @Test
    void theCouplingRatioIsStrongOverWeakMedianPerOptimizer() {
        var weak = new BenchSuites.Entry("thermoelastic1d", Map.of("gamma", "0.1"), List.of("soap", "adam"), 60, 100, 3, List.of());
        var strong = new BenchSuites.Entry("thermoelastic1d", Map.of("gamma", "10"), List.of("soap", "adam"), 60, 100, 3, List.of());
        var suite = new BenchSuites.Suite("c", List.of(weak, strong), 3, "test");
        List<Run> runs = List.of(coupled(weak, "soap", 1e-3), coupled(weak, "soap", 2e-3), coupled(weak, "soap", 9e-3),
                coupled(strong, "soap", 3e-3), coupled(weak, "adam", 1e-2), coupled(strong, "adam", 5e-1));
        String table = BenchTables.couplingRatios(suite, runs);
        assertTrue(table.contains("| thermoelastic1d | soap | gamma=0.1 → gamma=10 | 2.00e-03 | 3.00e-03 | **1.50×** |"), table);
        assertTrue(table.contains("| thermoelastic1d | adam | gamma=0.1 → gamma=10 | 1.00e-02 | 5.00e-01 | **50.00×** |"), table);
        assertEquals("", BenchTables.couplingRatios(new BenchSuites.Suite("d", List.of(weak), 1, "one setting"), runs));
        // default-strategy runs are shown with their chain and still paired
        var weakDefault = new BenchSuites.Entry("npp1d", Map.of("zeta", "0.5"), List.of("default"), 60, 0, 1, List.of());
        var strongDefault = new BenchSuites.Entry("npp1d", Map.of("zeta", "2.5"), List.of("default"), 60, 0, 1, List.of());
        String byDefault = BenchTables.couplingRatios(new BenchSuites.Suite("e", List.of(weakDefault, strongDefault), 1, "default"),
                List.of(coupled(weakDefault, "default: lm(initial_damping=1e-6) + gradnorm", 1e-3),
                        coupled(strongDefault, "default: lm(initial_damping=1e-6) + gradnorm", 4e-3)));
        assertTrue(byDefault.contains("| npp1d | default | zeta=0.5 → zeta=2.5 | 1.00e-03 | 4.00e-03 | **4.00×** |"), byDefault);
    }
}
