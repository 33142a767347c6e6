package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.sweep.RunRequest;
import org.junit.jupiter.api.Test;

/** The sweep file: every combination of its grids is one run with a stable, unique name. */
class SweepFileTest {
    private static SweepFile parse(String... keyValues) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return SweepFile.parse(m, "file", "f.properties");
    }

    @Test
    void everyCombinationIsOneRun() {
        SweepFile s = parse("problems", "thermoelastic1d, laplace2d", "problem.thermoelastic1d.gamma", "0.1, 10",
                "problem.thermoelastic1d.kappa", "1,2,3", "optimizers", "adam:10,lbfgs | default", "seeds", "0-2, 7", "steps", "5",
                "budget", "1.5", "hidden", "8,8 | 16", "parallel", "3");
        // thermoelastic1d: 2 γ × 3 κ, laplace2d: 1; × 2 chains × 2 widths × 4 seeds
        assertEquals((6 + 1) * 2 * 2 * 4, s.runs().size());
        assertEquals(3, s.parallel());
        assertEquals("file", s.name());
        RunRequest first = s.runs().get(0);
        assertEquals(Map.of("gamma", "0.1", "kappa", "1"), first.problemSettings());
        assertEquals("adam:10,lbfgs", first.optimizers());
        assertEquals("8,8", first.hidden());
        assertEquals(5, first.maxSteps());
        assertEquals(1.5, first.budgetSeconds());
        assertEquals("thermoelastic1d-gamma=0.1-kappa=1-adam@10+lbfgs-h8+8-s0", first.key());
        RunRequest last = s.runs().get(s.runs().size() - 1);
        assertEquals("laplace2d-default-h16-s7", last.key());
        assertEquals("", last.optimizers(), "default: the engine's default strategy");
        assertEquals(s.runs().size(), s.runs().stream().map(RunRequest::key).distinct().count(), "names are unique");
        // the same file gives the same names: a second run of the sweep finds what the first wrote
        assertEquals(s.runs().stream().map(RunRequest::key).toList(), parse("problems", "thermoelastic1d, laplace2d",
                "problem.thermoelastic1d.gamma", "0.1, 10", "problem.thermoelastic1d.kappa", "1,2,3", "optimizers",
                "adam:10,lbfgs | default", "seeds", "0-2, 7", "steps", "5", "budget", "1.5", "hidden", "8,8 | 16")
                .runs().stream().map(RunRequest::key).toList());
    }

    @Test
    void namesThatWouldClashAreMadeUnique() {
        List<RunRequest> runs = parse("problems", "heat", "optimizers", "adam(lr=1e-3) | adam(lr=1e-3)").runs();
        assertEquals(2, runs.size());
        assertTrue(!runs.get(0).key().equals(runs.get(1).key()), runs.toString());
    }

    @Test
    void mistakesNameTheKeyAndWhatIsAllowed() {
        expect("'problems' is missing", "optimizers", "adam");
        expect("seeds: '3-1' is not a seed or a range", "problems", "heat", "seeds", "3-1");
        expect("'problem.heat.kappa' sets a problem that 'problems' does not name", "problems", "laplace2d", "problem.heat.kappa", "1");
        expect("unknown key 'seed'; keys are name, problems", "problems", "heat", "seed", "1");
        expect("steps is '-1'; allowed: a whole number ≥ 0", "problems", "heat", "steps", "-1");
        expect("hidden: '8;8' is not a list of layer widths", "problems", "heat", "hidden", "8;8");
        expect("optimizers: 'adam(' is not a chain", "problems", "heat", "optimizers", "adam(");
        expect("name 'a b' is not allowed", "problems", "heat", "name", "a b");
        expect("parallel is 0", "problems", "heat", "parallel", "0");
    }

    private static void expect(String fragment, String... keyValues) {
        GeopinnException e = assertThrows(GeopinnException.class, () -> parse(keyValues));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith("sweep file f.properties"), e.getMessage());
    }
}
