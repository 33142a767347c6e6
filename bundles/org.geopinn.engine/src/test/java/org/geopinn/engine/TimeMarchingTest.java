package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.junit.jupiter.api.Test;

/** Time-marching windows: points squeezed into [0, k/K], parameters carried from window to window. */
class TimeMarchingTest {
    /** u_t = u_xx on t, x ∈ [0,1], u(0,x) = sin πx, u = 0 at x = 0, 1. */
    static final class Heat implements Problem {
        private final Vocabulary v = new Vocabulary(List.of("t", "x"), List.of("u"));

        @Override public String id() { return "heat"; }
        @Override public String description() { return "heat for tests"; }
        @Override public Vocabulary vocabulary() { return v; }

        @Override
        public Domain domain() {
            return new Domain(List.of("t", "x"), new double[] {0, 0}, new double[] {1, 1}, List.of(DomainPart.interior("interior"),
                    DomainPart.boundary("walls", 1), DomainPart.face("initial", 0, false)));
        }

        @Override
        public List<Condition> conditions() {
            return List.of(Condition.of("pde", "interior", v.parse("u_t - u_xx"), null, 36),
                    Condition.of("walls", "walls", v.field("u"), null, 8),
                    Condition.of("initial", "initial", v.field("u"), x -> Math.sin(Math.PI * x[1]), 8));
        }

        @Override
        public Optional<ReferenceSolution> reference() {
            return Optional.of(ReferenceSolution.of(x -> Math.exp(-Math.PI * Math.PI * x[0]) * Math.sin(Math.PI * x[1])));
        }

        @Override
        public Map<String, String> defaults() {
            return Map.of("hidden", "6", "steps", "6");
        }
    }

    /** Gradient descent that records what it was given at every step. */
    static final class Recording implements Optimizer {
        static final List<double[]> THETAS = new ArrayList<>();
        static final List<double[]> AFTER = new ArrayList<>();
        static final List<double[]> PDE_POINTS = new ArrayList<>();
        private final TestOptimizers.Descent inner = new TestOptimizers.Descent("rec", 1e-3);

        @Override public String id() { return "rec"; }

        @Override
        public StepResult step(LeastSquaresSystem system, double[] theta) {
            THETAS.add(theta.clone());
            PDE_POINTS.add(((ResidualSystem) system).points("pde")); // the test peeks at the session's points
            StepResult r = inner.step(system, theta);
            AFTER.add(theta.clone());
            return r;
        }

        @Override public OptimizerState exportState() { return inner.exportState(); }
        @Override public void importState(OptimizerState state) { }
    }

    private static Sessions host() {
        ServiceRegistry registry = new ServiceRegistry();
        registry.add(Problem.class, null, null, "test", new Heat());
        registry.add(Problem.class, null, null, "test", new Poisson1d("poisson"));
        TestServices.addStandard(registry);
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test", TestOptimizers.factory("rec", Recording::new));
        return new Sessions(registry, new Sessions.SolutionPublisher() {
            @Override public void publish(Session session, org.geopinn.api.solution.TrainedSolution solution) { }
            @Override public void withdraw(String sessionId) { }
        });
    }

    private static double maxTime(double[] points) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.length; i += 2) {
            m = Math.max(m, points[i]);
        }
        return m;
    }

    @Test
    void theSecondWindowStartsFromTheFirstWindowsParametersOnWiderPoints() throws Exception {
        Recording.THETAS.clear();
        Recording.PDE_POINTS.clear();
        Recording.AFTER.clear();
        Session s = host().start(SessionSpec.builder("heat").optimizers("rec").timeWindows(2).maxSteps(6).build());
        assertEquals(SessionState.FINISHED, s.await(Duration.ofSeconds(60)), s.message());
        List<TrainingEvent> h = s.history();
        assertEquals(List.of(1, 1, 1, 2, 2, 2), h.stream().map(TrainingEvent::window).toList(), "3 steps per window");
        assertEquals(6, Recording.THETAS.size());
        assertTrue(maxTime(Recording.PDE_POINTS.get(2)) <= 0.5, "window 1 is t ∈ [0, 0.5]");
        assertTrue(maxTime(Recording.PDE_POINTS.get(3)) > 0.5, "window 2 reaches beyond 0.5");
        assertTrue(maxTime(Recording.PDE_POINTS.get(3)) <= 1);
        // the first step of window 2 starts from the parameters the last step of window 1 wrote
        assertArrayEquals(Recording.AFTER.get(2), Recording.THETAS.get(3), 0.0);
        assertTrue(!java.util.Arrays.equals(Recording.THETAS.get(2), Recording.THETAS.get(3)), "window 1 took its last step");
    }

    @Test
    void marchingNeedsATimeVariable() {
        GeopinnException e = assertThrows(GeopinnException.class,
                () -> host().start(SessionSpec.builder("poisson").optimizers("rec").timeWindows(3).build()));
        assertTrue(e.getMessage().contains("time marching needs a time variable 't'"), e.getMessage());
    }
}
