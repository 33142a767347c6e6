package org.geopinn.problems.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every benchmark problem is consistent and its reference solution satisfies every one of its conditions. */
class ProblemLibraryTest {

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(Laplace2d.define(), 1e-7),
                Arguments.of(Heat.define(), 1e-7),
                Arguments.of(Laplace5d.define(), 1e-7),
                Arguments.of(Poisson1d.define(), 1e-7),
                Arguments.of(Poisson2d.define(), 1e-7),
                Arguments.of(Biharmonic1d.define(), 1e-6),
                Arguments.of(Thermoelastic1d.define(10, 1, 1), 1e-7),
                Arguments.of(ReactionDiffusion1d.define(new double[] {1, 0.5, 0.25}, new double[] {1, 2, 3, 4}), 1e-7),
                Arguments.of(NernstPlanckPoisson1d.define(0.1, 1, 3), 1e-4),
                Arguments.of(Electroosmotic2d.define(0.2, 1, 1, 1, 2), 1e-4),
                Arguments.of(AllenCahn.define(), 1e-3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void referenceSatisfiesEveryCondition(Problem problem, double tolerance) {
        ResidualProbe probe = new ResidualProbe(problem);
        for (Condition c : problem.conditions()) {
            double r = probe.maxResidual(c, 12, 42);
            assertTrue(r < tolerance, problem.id() + " condition " + c.name() + ": residual " + r + " > " + tolerance);
        }
    }

    @Test
    void theProbeDetectsAWrongSign() {
        Problem right = Laplace2d.define();
        Condition pde = right.conditions().get(0);
        Condition flipped = new Condition(pde.name(), pde.part(), pde.operator().times(-1), pde.source(), 1, 10, "grid", null);
        assertTrue(new ResidualProbe(right).maxResidual(flipped, 12, 1) > 1);
    }

    @Test
    void burgersReferenceSatisfiesItsInitialAndBoundaryData() {
        Problem burgers = Burgers.define();
        ResidualProbe probe = new ResidualProbe(burgers);
        for (Condition c : burgers.conditions()) {
            if (!c.name().equals("pde")) {
                assertTrue(probe.maxResidual(c, 12, 7) < 1e-9, c.name());
            }
        }
    }

    @Test
    void idsAndDefaultsAreThoseTheCommandLineExpects() {
        List<Problem> all = List.of(Laplace2d.define(), Heat.define(), Laplace5d.define(), AllenCahn.define(),
                Burgers.define(), Poisson1d.define(), Poisson2d.define(), Biharmonic1d.define(),
                Thermoelastic1d.define(1, 1, 1), ReactionDiffusion1d.define(new double[] {1, 1, 1}, new double[] {1, 1, 1, 1}),
                NernstPlanckPoisson1d.define(0.1, 1, 3), Electroosmotic2d.define(0.2, 1, 1, 1, 2));
        assertEquals(List.of("laplace2d", "heat", "laplace5d", "allen-cahn", "burgers", "poisson1d", "poisson2d",
                "biharmonic1d", "thermoelastic1d", "reaction-diffusion1d", "npp1d", "electroosmotic2d"),
                all.stream().map(Problem::id).toList());
        // No optimizer: the engine's default strategy chooses it (docs/STRATEGY.md)
        Set<String> keys = Set.of(ProblemDefaults.MODEL, ProblemDefaults.HIDDEN, ProblemDefaults.ACTIVATION,
                ProblemDefaults.STEPS, ProblemDefaults.TIME_BUDGET,
                ProblemDefaults.SEPARATE_NETWORKS, ProblemDefaults.WEIGHTING);
        for (Problem p : all) {
            assertTrue(keys.containsAll(p.defaults().keySet()), p.id() + " " + p.defaults());
            assertTrue(p.reference().isPresent(), p.id());
        }
        Map<String, String> laplace = Laplace2d.define().defaults();
        assertEquals("32", laplace.get(ProblemDefaults.HIDDEN));
        Map<String, String> coupled = NernstPlanckPoisson1d.define(0.1, 1, 3).defaults();
        assertEquals("true", coupled.get(ProblemDefaults.SEPARATE_NETWORKS));
        assertNull(coupled.get(ProblemDefaults.WEIGHTING), "the 1-D systems are balanced by the default strategy");
        assertEquals("gradnorm", Electroosmotic2d.define(0.2, 1, 1, 1, 2).defaults().get(ProblemDefaults.WEIGHTING));
        assertEquals(6, Electroosmotic2d.define(0.2, 1, 1, 1, 2).vocabulary().fields().size());
        assertEquals(900, Laplace2d.define().conditions().get(0).points());
    }

    @Test
    void nppInteriorPointsClusterTowardTheChargedWall() {
        Condition pde = NernstPlanckPoisson1d.define(0.1, 1, 3).conditions().get(0);
        assertEquals(Map.of("cluster.variable", "x", "cluster.side", "lower", "cluster.strength", "3.0"), pde.samplerOptions());
        assertTrue(NernstPlanckPoisson1d.define(0.1, 1, 0).conditions().get(0).samplerOptions().isEmpty());
    }

    @Test
    void biharmonicClosedFormMeetsItsFourBoundaryConditions() {
        double h = 1e-6;
        for (double x : new double[] {-1, 1}) {
            assertEquals(0, Biharmonic1d.exact(new double[] {x}), 1e-15);
            double slope = (Biharmonic1d.exact(new double[] {x + h}) - Biharmonic1d.exact(new double[] {x - h})) / (2 * h);
            assertEquals(0, slope, 1e-9);
        }
    }
}
