package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.CoefficientModel;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.expr.Vocabulary;
import org.junit.jupiter.api.Test;

/** A session that holds a trained coefficient fixed or leaves conditions out ({@link SessionProblem}). */
class SessionProblemTest {
    /** a·u'' = f with a = 2 written into the problem, nothing trained. */
    private static Problem fixedAt2() {
        return new TrainedCoefficientSessionTest.Scaled(new Vocabulary(List.of("x"), List.of("u")).withCoefficients(Map.of("a", 2.0)));
    }

    /** The same operator with a trained by the problem itself, from 0.5. */
    private static Problem trainsA() {
        return SessionProblem.train(new TrainedCoefficientSessionTest.Scaled(), Map.of("a", 0.5));
    }

    private static Sessions host(Problem problem) {
        ServiceRegistry registry = new ServiceRegistry();
        registry.add(Problem.class, "scaled", "test problem", "test", problem);
        TestServices.addStandard(registry);
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("gd", () -> new TestOptimizers.Descent("gd", 1e-3)));
        return TestServices.sessions(registry);
    }

    private static Session finish(Session s) throws InterruptedException {
        assertTrue(s.await(Duration.ofSeconds(60)).isTerminal(), s.message());
        return s;
    }

    @Test
    void aKnownCoefficientTrainsExactlyTheProblemWithThatValueWrittenIn() throws Exception {
        Session written = finish(host(fixedAt2()).start(SessionSpec.builder("scaled").build()));
        Session known = finish(host(trainsA()).start(SessionSpec.builder("scaled").known(Map.of("a", 2.0)).build()));
        Session trained = finish(host(trainsA()).start(SessionSpec.builder("scaled").build()));
        assertEquals(List.of(), CoefficientModel.coefficientNames(known.model()), "a held fixed is no parameter");
        assertEquals(written.parameters().length, known.parameters().length);
        assertArrayEquals(written.parameters(), known.parameters(), 0.0, "the operator reads a = 2 wherever it read θ's a");
        assertEquals(written.parameters().length + 1, trained.parameters().length, "without --known the problem trains a");
        assertFalse(Arrays.equals(written.parameters(), Arrays.copyOf(trained.parameters(), written.parameters().length)));
    }

    @Test
    void aLeftOutConditionIsNoGroupOfTheSession() throws Exception {
        Session s = finish(host(fixedAt2()).start(SessionSpec.builder("scaled").leftOut(List.of("boundary")).build()));
        assertEquals(List.of("pde"), s.conditionNames());
        assertEquals(1, s.history().get(0).groupLosses().length);
    }

    @Test
    void substitutionReplacesTheNamedCoefficientOnlyAndKeepsItsName() {
        Vocabulary v = new Vocabulary(List.of("x"), List.of("u")).withCoefficients(Map.of("a", 1.0, "b", 3.0));
        var e = SessionProblem.substitute(v.coefficient("a").times(v.d("u", "x", "x")).plus(v.coefficient("b")), Map.of("a", 7.0));
        String printed = e.toString();
        assertTrue(printed.contains("Coefficient[name=a"), printed);
        var sum = (org.geopinn.api.expr.Expr.Sum) e;
        var a = (org.geopinn.api.expr.Expr.Coefficient) ((org.geopinn.api.expr.Expr.Product) sum.terms().get(0)).factors().get(0);
        var b = (org.geopinn.api.expr.Expr.Coefficient) sum.terms().get(1);
        assertEquals(7.0, a.function().value(new double[] {0.3}), 0.0);
        assertEquals(3.0, b.function().value(new double[] {0.3}), 0.0);
    }

    @Test
    void badNamesAndValuesAreRefusedOnOneLine() {
        Sessions sessions = host(trainsA());
        assertEquals("problem 'scaled' has no condition 'observations' to leave out; its conditions are [pde, boundary]",
                assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("scaled")
                        .leftOut(List.of("observations")).build())).getMessage());
        assertEquals("leaving out [pde, boundary] leaves problem 'scaled' no condition to train on",
                assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("scaled")
                        .leftOut(List.of("pde", "boundary")).build())).getMessage());
        assertEquals("problem 'scaled' does not train a coefficient 'nu' to hold fixed; it trains [a]",
                assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("scaled")
                        .known(Map.of("nu", 1.0)).build())).getMessage());
        assertEquals("the value of known coefficient 'a' is NaN; it must be a finite number",
                assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("scaled")
                        .known(Map.of("a", Double.NaN)).build())).getMessage());
        Sessions plain = host(fixedAt2());
        assertEquals("coefficient 'a' is both trained (--unknown) and held fixed (--known); give it to one",
                assertThrows(GeopinnException.class, () -> plain.start(SessionSpec.builder("scaled").unknowns(Map.of("a", 1.0))
                        .known(Map.of("a", 1.0)).build())).getMessage());
    }
}
