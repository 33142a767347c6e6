package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSnapshot;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.operators.OperatorEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions trained with real models, operator engines and samplers, without a framework. */
class SessionsTest {
    private ServiceRegistry registry;
    private Sessions sessions;
    private final List<TrainedSolution> published = new CopyOnWriteArrayList<>();
    private final List<TrainingEvent> whiteboard = new CopyOnWriteArrayList<>();
    private Problem problem;

    @BeforeEach
    void host() {
        registry = new ServiceRegistry();
        problem = new Poisson1d("poisson");
        registry.add(Problem.class, null, null, "test", problem);
        TestServices.addStandard(registry);
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("gd", () -> new TestOptimizers.Descent("gd", 1e-3)));
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("gd2", () -> new TestOptimizers.Descent("gd2", 1e-3)));
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("broken", TestOptimizers.Broken::new));
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("exhausted", TestOptimizers.Exhausted::new));
        registry.add(org.geopinn.api.diagnostic.Diagnostic.class, null, null, "test", new GradientNorm());
        registry.addListener(whiteboard::add);
        sessions = new Sessions(registry, new Sessions.SolutionPublisher() {
            @Override
            public void publish(Session session, TrainedSolution solution) {
                published.add(solution);
            }

            @Override
            public void withdraw(String sessionId) {
                published.clear();
            }
        });
    }

    private static SessionState finish(Session s) throws InterruptedException {
        SessionState state = s.await(Duration.ofSeconds(60));
        assertTrue(state.isTerminal(), "ended: " + state + " " + s.message());
        return state;
    }

    @Test
    void catalogListsEveryKindFromTheServices() {
        var entries = registry.entries();
        assertEquals(List.of("problems", "models", "engines", "samplers", "optimizers", "weightings", "diagnostics", "commands"),
                new ArrayList<>(entries.keySet()));
        assertEquals(List.of("poisson"), entries.get("problems").stream().map(e -> e.id()).toList());
        assertEquals(List.of("broken", "exhausted", "gd", "gd2"), entries.get("optimizers").stream().map(e -> e.id()).toList());
        assertTrue(entries.get("models").stream().anyMatch(e -> e.id().equals("mlp") && e.bundle().equals("models")));
    }

    @Test
    void unknownIdsFailBeforeTrainingAndNameTheKnownOnes() {
        GeopinnException e = assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("nope").build()));
        assertEquals("unknown problem 'nope'; known: poisson", e.getMessage());
        e = assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("poisson").optimizers("adam").build()));
        assertEquals("unknown optimizer 'adam'; known: broken, exhausted, gd, gd2", e.getMessage());
        e = assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("poisson").optimizers("gd,gd2").build()));
        assertTrue(e.getMessage().contains("only the last stage"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("poisson").optimizers("gd(foo=1)").build()));
        assertTrue(e.getMessage().contains("unknown setting 'foo'"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("poisson").points(Map.of("walls", 3)).build()));
        assertTrue(e.getMessage().contains("unknown condition 'walls'"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("poisson").model("kan").build()));
        assertTrue(e.getMessage().startsWith("unknown model 'kan'; known: mlp"), e.getMessage());
        assertTrue(sessions.sessions().isEmpty(), "nothing started");
    }

    @Test
    void trainsWithTheProblemDefaultsAndPublishesTheSolution() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").errorEvery(5).build());
        assertEquals(SessionState.FINISHED, finish(s));
        assertEquals("gd", s.spec().optimizers().get(0).optimizerId(), "the problem's default optimizer");
        assertArrayEquals(new int[] {8}, s.spec().hidden(), "the problem's default width");
        List<TrainingEvent> h = s.history();
        assertEquals(20, h.size());
        for (int i = 0; i < h.size(); i++) {
            assertEquals(i + 1, h.get(i).step());
        }
        assertTrue(h.get(19).loss() < h.get(0).loss(), "the loss decreases");
        assertEquals(h.get(19).loss(), h.get(19).groupLosses()[0] + h.get(19).groupLosses()[1], 1e-12);
        assertTrue(Double.isNaN(h.get(3).relativeL2()) && !Double.isNaN(h.get(4).relativeL2()), "error every 5 steps");
        assertTrue(h.get(19).relativeL2() > 0 && h.get(19).fieldErrors().length == 1, "final error on the last step");
        assertEquals(TrainingEvent.Kind.ENDED, s.lastEvent().kind());
        assertEquals(h.get(19).relativeL2(), s.lastEvent().relativeL2());
        assertTrue(whiteboard.stream().anyMatch(e -> e.kind() == TrainingEvent.Kind.STARTED), "whiteboard listeners hear events");

        assertEquals(1, published.size());
        TrainedSolution sol = published.get(0);
        assertEquals("poisson", sol.problemId());
        double[] x = {0.25};
        double[] u = new double[1];
        sol.evaluate(x, 1, DerivativeRequest.valuesOnly(1), u);
        var eval = s.model().evaluator(DerivativeRequest.valuesOnly(1), 1);
        eval.forward(s.parameters(), x, 1);
        assertEquals(eval.values()[0], u[0], 0.0, "the published solution is the trained model");
    }

    @Test
    void chainStagesSwitchAtTheirStepCounts() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("gd:4,gd2").maxSteps(7).build());
        finish(s);
        List<TrainingEvent> h = s.history();
        assertEquals(List.of("gd", "gd", "gd", "gd", "gd2", "gd2", "gd2"), h.stream().map(TrainingEvent::optimizerId).toList());
        assertTrue(whiteboard.stream().anyMatch(e -> e.kind() == TrainingEvent.Kind.SWAPPED && e.step() == 4));
    }

    @Test
    void swapBetweenStepsKeepsTheParameters() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").maxSteps(1_000_000).build());
        while (s.history().size() < 3) {
            Thread.sleep(5);
        }
        s.pause();
        while (s.state() != SessionState.PAUSED) {
            Thread.sleep(5);
        }
        double[] before = s.parameters();
        long step = s.history().get(s.history().size() - 1).step();
        s.swapOptimizer("gd2", Map.of("lr", "1e-4"));
        assertEquals("gd2", s.optimizerId());
        assertArrayEquals(before, s.parameters(), "a swap does not touch the parameters");
        assertThrows(GeopinnException.class, () -> s.swapOptimizer("nope", Map.of()));
        s.resume();
        while (s.history().size() < step + 2) {
            Thread.sleep(5);
        }
        s.stop();
        assertEquals(SessionState.STOPPED, finish(s));
        TrainingEvent next = s.history().get((int) step);
        assertEquals(step + 1, next.step(), "steps continue after the swap");
        assertEquals("gd2", next.optimizerId());
    }

    @Test
    void aNonFiniteStepNeverReachesTheParameters() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("broken").maxSteps(10).build());
        assertEquals(SessionState.FAILED, finish(s));
        assertTrue(s.message().contains("rejected " + TrainingSession.REJECTION_LIMIT + " steps in a row"), s.message());
        for (double p : s.parameters()) {
            assertTrue(Double.isFinite(p));
        }
        assertTrue(s.history().isEmpty());
    }

    @Test
    void anExhaustedOptimizerEndsItsStageAtOnce() throws Exception {
        Session alone = sessions.start(SessionSpec.builder("poisson").optimizers("exhausted").maxSteps(10).build());
        assertEquals(SessionState.FINISHED, finish(alone), alone.message());
        assertTrue(alone.message().contains("converged at step 0"), alone.message());
        assertTrue(alone.history().isEmpty(), "no step was taken");

        Session chain = sessions.start(SessionSpec.builder("poisson").optimizers("exhausted:5,gd").maxSteps(8).build());
        assertEquals(SessionState.FINISHED, finish(chain), chain.message());
        assertEquals(8, chain.history().size(), "the next stage starts at once and takes every step");
        assertTrue(chain.history().stream().allMatch(e -> e.optimizerId().equals("gd")));
    }

    @Test
    void losingTheProblemPausesAndItsReturnResumes() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").maxSteps(1_000_000).build());
        while (s.history().size() < 2) {
            Thread.sleep(5);
        }
        registry.remove(Problem.class, problem);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (s.state() != SessionState.PAUSED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(SessionState.PAUSED, s.state());
        assertTrue(s.message().contains("problem 'poisson' went away"), s.message());
        int steps = s.history().size();
        Thread.sleep(100);
        assertEquals(steps, s.history().size(), "no steps while paused");
        assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("poisson").build()), "others cannot use it either");

        registry.add(Problem.class, null, null, "test", new Poisson1d("poisson"));
        while (s.history().size() < steps + 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(SessionState.RUNNING, s.state(), s.message());
        s.stop();
        assertEquals(SessionState.STOPPED, finish(s));
        assertTrue(whiteboard.stream().anyMatch(e -> e.kind() == TrainingEvent.Kind.RESUMED));
    }

    @Test
    void resumeContinuesFromTheSavedStepParametersAndState() throws Exception {
        Session a = sessions.start(SessionSpec.builder("poisson").maxSteps(10).build());
        finish(a);
        OptimizerState state = a.optimizerState();
        assertEquals(10.0, state.scalar("taken", 0));
        Session straight = sessions.start(SessionSpec.builder("poisson").maxSteps(15).build());
        finish(straight);
        Session b = sessions.start(SessionSpec.builder("poisson").maxSteps(15).startStep(10).initialParameters(a.parameters())
                .initialOptimizerState(state).build());
        finish(b);
        assertEquals(List.of(11L, 12L, 13L, 14L, 15L), b.history().stream().map(TrainingEvent::step).toList());
        assertEquals(straight.history().get(14).loss(), b.history().get(4).loss(), 0.0, "exactly the uninterrupted run");
        assertArrayEquals(straight.parameters(), b.parameters(), 0.0);
        assertThrows(GeopinnException.class, () -> sessions.start(SessionSpec.builder("poisson").initialParameters(new double[3]).build()));
    }

    @Test
    void aSnapshotOfARunningSessionResumesExactlyLikeTheUninterruptedRun() throws Exception {
        Session running = sessions.start(SessionSpec.builder("poisson").maxSteps(1_000_000).build());
        List<SessionSnapshot> taken = new java.util.ArrayList<>();
        while (taken.size() < 20) { // snapshots while steps go on: each must describe one step
            SessionSnapshot s = running.snapshot();
            if (!s.history().isEmpty()) {
                taken.add(s);
            }
        }
        running.stop();
        finish(running);
        for (SessionSnapshot s : List.of(taken.get(0), taken.get(taken.size() - 1))) {
            long at = s.history().get(s.history().size() - 1).step();
            assertEquals(at, s.history().size(), "a fresh session's history has every step");
            assertEquals((double) at, s.optimizerState().scalar("taken", -1), "the state is the one after step " + at);
            Session straight = sessions.start(SessionSpec.builder("poisson").maxSteps(at + 3).build());
            finish(straight);
            Session resumed = sessions.start(SessionSpec.builder("poisson").maxSteps(at + 3).startStep(at).initialParameters(s.parameters())
                    .initialOptimizerState(s.optimizerState()).build());
            finish(resumed);
            assertArrayEquals(straight.parameters(), resumed.parameters(), 0.0, "resumed from the snapshot at step " + at);
        }
    }

    @Test
    void theTimeBudgetEndsTraining() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").maxSteps(100_000_000).timeBudgetSeconds(0.3).build());
        assertEquals(SessionState.FINISHED, finish(s));
        assertTrue(s.message().contains("time budget"), s.message());
        assertNotNull(s.lastEvent());
        assertTrue(s.history().get(s.history().size() - 1).seconds() >= 0.3);
    }

    /** A real diagnostic: the norm of the loss gradient. */
    static final class GradientNorm implements org.geopinn.api.diagnostic.Diagnostic {
        @Override
        public String id() {
            return "gradient-norm";
        }

        @Override
        public String description() {
            return "norm of the loss gradient";
        }

        @Override
        public org.geopinn.api.diagnostic.DiagnosticReport run(org.geopinn.api.operator.LeastSquaresSystem system, double[] theta,
                Map<String, ?> options) {
            double[] g = new double[theta.length];
            system.lossAndGradient(theta, g);
            double n = 0;
            for (double x : g) {
                n += x * x;
            }
            return new org.geopinn.api.diagnostic.DiagnosticReport(id(), "gradient norm", Map.of("norm", Math.sqrt(n)), Map.of());
        }
    }

    @Test
    void diagnosticsRunEveryKStepsAndOnDemand() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").maxSteps(6).diagnostics(List.of("gradient-norm")).diagnosticEvery(3)
                .build());
        finish(s);
        List<Long> at = whiteboard.stream().filter(e -> e.kind() == TrainingEvent.Kind.DIAGNOSTIC).map(TrainingEvent::step).toList();
        assertEquals(List.of(3L, 6L), at);
        var report = s.diagnose("gradient-norm", Map.of());
        assertTrue(report.scalars().get("norm") > 0);
        assertThrows(GeopinnException.class, () -> s.diagnose("ntk", Map.of()));
        assertThrows(GeopinnException.class,
                () -> sessions.start(SessionSpec.builder("poisson").diagnostics(List.of("ntk")).build()));
    }

    @Test
    void aNonlinearProblemTrainedByLmIsResampledUnlessTheSpecSaysOtherwise() throws Exception {
        registry.add(org.geopinn.api.optimizer.OptimizerFactory.class, null, null, "test",
                TestOptimizers.factory("lm", () -> new TestOptimizers.Descent("lm", 1e-3)));
        registry.add(Problem.class, null, null, "test", new Poisson1d("nonlinear", true));
        Session byStrategy = sessions.start(SessionSpec.builder("nonlinear").optimizers("lm").maxSteps(2).build());
        assertEquals(SessionState.FINISHED, finish(byStrategy), byStrategy.message());
        assertEquals(DefaultStrategy.GAUSS_NEWTON_RESAMPLE_EVERY, byStrategy.spec().resampleEvery());
        Session fixed = sessions.start(SessionSpec.builder("nonlinear").optimizers("lm").resampleEvery(0).maxSteps(2).build());
        assertEquals(SessionState.FINISHED, finish(fixed), fixed.message());
        assertEquals(0, fixed.spec().resampleEvery(), "0 given: fixed points");
        Session linear = sessions.start(SessionSpec.builder("poisson").optimizers("lm").maxSteps(2).build());
        assertEquals(SessionState.FINISHED, finish(linear), linear.message());
        assertEquals(DefaultStrategy.GAUSS_NEWTON_RESAMPLE_EVERY, linear.spec().resampleEvery(),
                "a linear problem: the same period, its conditions renewed only where their fit does not hold between the points");
        Session firstOrder = sessions.start(SessionSpec.builder("nonlinear").optimizers("gd").maxSteps(2).build());
        assertEquals(SessionState.FINISHED, finish(firstOrder), firstOrder.message());
        assertEquals(0, firstOrder.spec().resampleEvery(), "the period is measured for lm only");
    }

    @Test
    void everyRenewalOfThePointsIsToldWithTheConditionsItRenewed() throws Exception {
        // gd is not lm: every round renews every condition, without the held-out check
        Session s = sessions.start(SessionSpec.builder("poisson").optimizers("gd").sampler("uniform").resampleEvery(2).maxSteps(6).build());
        assertEquals(SessionState.FINISHED, finish(s), s.message());
        List<TrainingEvent> rounds = whiteboard.stream().filter(e -> e.sessionId().equals(s.id()) && e.kind() == TrainingEvent.Kind.POINTS)
                .toList();
        // a round every 2 steps taken: after 2 and after 4 (the session ends at 6)
        assertEquals(List.of(2L, 4L), rounds.stream().map(TrainingEvent::step).toList());
        assertEquals("step 2: renewed the collocation points of " + String.join(", ", s.conditionNames()), rounds.get(0).message());
        assertEquals(6, s.history().size(), "the history holds the steps only");
        List<String> told = rounds.stream().map(TrainingEvent::message).toList();
        assertEquals(told, s.pointRenewals().stream().map(TrainingEvent::message).toList(), "the session keeps the renewals it told, for its results");
        assertEquals(List.of(2L, 4L), s.snapshot().pointRenewals().stream().map(TrainingEvent::step).toList());
    }

    @Test
    void adaptiveResamplingKeepsTheCountAndDrawsFromTheCandidates() throws Exception {
        assertTrue(AdaptiveResampling.available());
        Session s = sessions.start(SessionSpec.builder("poisson").sampler("uniform").resampleEvery(2).maxSteps(6).build());
        assertEquals(SessionState.FINISHED, finish(s), s.message());
        assertEquals(6, s.history().size());

        var model = s.model();
        var system = OperatorEngines.create("autodiff").build(problem, model,
                CollocationPoints.sample(problem, s.spec(), registry, 0), s.spec().scaling());
        double[] before = system.points("pde");
        double[] fresh = CollocationPoints.sample(problem, s.spec(), registry, 0, 1, AdaptiveResampling.CANDIDATES_PER_POINT);
        assertEquals(before.length * AdaptiveResampling.CANDIDATES_PER_POINT, fresh.length);
        AdaptiveResampling.resample(system, s.parameters(), "pde", fresh, 1, 7);
        double[] after = system.points("pde");
        assertEquals(before.length, after.length, "same number of points");
        java.util.Set<Double> candidates = new java.util.HashSet<>();
        for (double x : before) {
            candidates.add(x);
        }
        for (double x : fresh) {
            candidates.add(x);
        }
        for (double x : after) {
            assertTrue(candidates.contains(x), "a selected point is a candidate");
        }
        assertTrue(!java.util.Arrays.equals(before, after), "the selection moved some points");
    }

    /**
     * @param collocation learned or chosen collocation renewed every 2 steps
     * @return a finished 4-step session on poisson with it, checked to train to the same parameters
     *         again from the same seed
     */
    private Session reproducibleRun(org.geopinn.api.session.Collocation collocation) throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").sampler("uniform").collocation(collocation).maxSteps(4).seed(3).build());
        assertEquals(SessionState.FINISHED, finish(s), s.message());
        assertEquals(2, s.spec().resampleEvery(), "the points are renewed at the collocation's period");
        Session again = sessions.start(SessionSpec.builder("poisson").sampler("uniform").collocation(collocation).maxSteps(4).seed(3).build());
        assertEquals(SessionState.FINISHED, finish(again), again.message());
        org.junit.jupiter.api.Assertions.assertArrayEquals(s.parameters(), again.parameters(), "the same seed, the same run");
        return s;
    }

    /** @return the residual system of a session's problem and model on the points of its spec's first sampling */
    private org.geopinn.api.operator.ResidualSystem systemOf(Session s) {
        return OperatorEngines.create("autodiff").build(problem, s.model(), CollocationPoints.sample(problem, s.spec(), registry, 0),
                s.spec().scaling());
    }

    @Test
    void learnedCollocationMovesTheInteriorPointsInsideTheDomainAndLowersTheLearnedObjective() throws Exception {
        assertLearnedPoints("learned(every=2;steps=4;cutoff=adaptive;kernel=tangent;objective=projection;start=current;rounds=0)");
    }

    @Test
    void learnedCollocationOnTheEmpiricalGradientsErrorDoesTheSame() throws Exception {
        assertLearnedPoints("learned(every=2;steps=4;objective=gradient;start=current)");
    }

    @Test
    void learnedCollocationStartingFromChosenPointsDoesTheSame() throws Exception {
        assertLearnedPoints("learned(every=2;steps=4;objective=gradient;start=chosen)");
    }

    /** Runs a session with the learned points twice (same seed, same run), renews its points once by hand and checks them. */
    private void assertLearnedPoints(String text) throws Exception {
        var learned = org.geopinn.api.session.Collocation.parse(text);
        Session s = reproducibleRun(learned);
        var system = systemOf(s);
        double[] before = system.points("pde");
        double[] boundary = system.points("boundary");
        double[] fresh = CollocationPoints.sample(problem, s.spec(), registry, 0, 1, learned.reference());
        LearnedResampling resampling = new LearnedResampling(learned, problem);
        resampling.renew(system, s.parameters(), "pde", fresh, 1, 7);
        resampling.renew(system, s.parameters(), "boundary", fresh, 1, 7);
        double[] after = system.points("pde");
        assertEquals(before.length, after.length, "same number of points");
        for (double x : after) {
            assertTrue(x >= -1 && x <= 1, "inside the domain: " + x);
        }
        double[] h = resampling.lastObjective();
        assertEquals(learned.steps() + 1, h.length);
        assertTrue(h[h.length - 1] < h[0], "the learned objective falls: " + java.util.Arrays.toString(h));
        assertTrue(!java.util.Arrays.equals(before, after), "the points moved");
        org.junit.jupiter.api.Assertions.assertArrayEquals(boundary, system.points("boundary"), "boundary points are not learned");

        var twice = assertThrows(org.geopinn.api.GeopinnException.class, () -> sessions.start(
                SessionSpec.builder("poisson").collocation(learned).resampleEvery(5).maxSteps(2).build()));
        assertTrue(twice.getMessage().contains("every 2"), twice.getMessage());
    }

    @Test
    void collocationPointsAreKeptAfterTheirLastRound() throws Exception {
        double[] unlimited = chosenRun("chosen(every=2;candidates=4)", 6);
        double[] oneRound = chosenRun("chosen(every=2;candidates=4;rounds=1)", 6);
        double[] twoRounds = chosenRun("chosen(every=2;candidates=4;rounds=2)", 4);
        double[] threeRounds = chosenRun("chosen(every=2;candidates=4;rounds=3)", 4);
        org.junit.jupiter.api.Assertions.assertArrayEquals(twoRounds, threeRounds,
                "rounds beyond the run's last renewal change nothing");
        assertTrue(!java.util.Arrays.equals(unlimited, oneRound), "with rounds=1 the renewal at step 4 does not happen");
    }

    /** @return the parameters after a poisson session of the given steps with the given collocation */
    private double[] chosenRun(String collocation, int steps) throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").sampler("uniform")
                .collocation(org.geopinn.api.session.Collocation.parse(collocation)).maxSteps(steps).seed(3).build());
        assertEquals(SessionState.FINISHED, finish(s), s.message());
        return s.parameters();
    }

    @Test
    void chosenCollocationPicksEachConditionsCountAmongItsCandidatesReproducibly() throws Exception {
        var chosen = org.geopinn.api.session.Collocation.parse("chosen(every=2;candidates=4)");
        Session s = reproducibleRun(chosen);
        var system = systemOf(s);
        double[] before = system.points("pde");
        double[] boundary = system.points("boundary");
        double[] fresh = CollocationPoints.sample(problem, s.spec(), registry, 0, 1, chosen.reference() - 1);
        ChosenResampling resampling = new ChosenResampling(chosen, problem);
        resampling.renew(system, s.parameters(), "pde", fresh, 1, 7);
        double[] after = system.points("pde");
        assertEquals(before.length, after.length, "same number of points");
        java.util.Set<Double> candidates = new java.util.HashSet<>();
        for (double x : before) {
            candidates.add(x);
        }
        for (double x : fresh) {
            candidates.add(x);
        }
        for (double x : after) {
            assertTrue(candidates.contains(x) && x >= -1 && x <= 1, "a chosen point is a candidate, inside the domain: " + x);
        }
        assertTrue(resampling.last("pde").core() > 0, "the pivoted QR picked some");
        org.junit.jupiter.api.Assertions.assertArrayEquals(boundary, system.points("boundary"), "another condition keeps its points");
        double[] faces = CollocationPoints.sample(problem, s.spec(), registry, 1, 1, chosen.reference() - 1);
        resampling.renew(system, s.parameters(), "boundary", faces, 1, 7);
        for (double x : system.points("boundary")) {
            assertTrue(Math.abs(x) == 1, "boundary points stay on the boundary: " + x);
        }
        assertEquals(boundary.length, system.points("boundary").length, "the boundary keeps its share");
    }

    @Test
    void aServiceLostWhilePausedByTheUserIsRebuiltOnResume() throws Exception {
        Session s = sessions.start(SessionSpec.builder("poisson").maxSteps(1_000_000).build());
        while (s.history().size() < 2) {
            Thread.sleep(5);
        }
        s.pause();
        while (s.state() != SessionState.PAUSED) {
            Thread.sleep(5);
        }
        registry.remove(Problem.class, problem);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!s.message().contains("went away") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(s.message().contains("problem 'poisson' went away"), s.message());
        registry.add(Problem.class, null, null, "test", new Poisson1d("poisson"));
        s.resume();
        int steps = s.history().size();
        while (s.history().size() < steps + 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(SessionState.RUNNING, s.state(), s.message());
        s.stop();
        assertEquals(SessionState.STOPPED, finish(s));
    }
}
