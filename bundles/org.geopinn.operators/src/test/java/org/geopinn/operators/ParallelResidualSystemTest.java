package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;

/** Splitting every condition's points over several threads changes nothing but the speed. */
class ParallelResidualSystemTest {

    private static double[] residuals(StackedResidualSystem rs, double[] theta) {
        double[] r = new double[rs.residualCount()];
        rs.residuals(theta, r);
        return r;
    }

    @Test
    void threadedSystemsGiveTheSameRowsJacobianAndProducts() {
        List<EvaluatorFactory> engines = List.of(EvaluatorFactory.EXACT, FiniteDifferenceEvaluator.factory(1e-2));
        for (int c = 0; c < 2 * TestProblems.all().size(); c++) {
            Problem problem = TestProblems.all().get(c / 2);
            EvaluatorFactory engine = engines.get(c % 2);
            // Batches of other sizes may round differently in the last bit; stencils amplify that by 1/h².
            double ulps = c % 2 == 0 ? 1 : 1e4;
            Model model = TestProblems.modelFor(problem, 5);
            Map<String, double[]> pts = TestProblems.randomPoints(problem, 3, 0.2);
            StackedResidualSystem one = StackedResidualSystem.build(problem, model, pts, LossScaling.MEAN, engine, 1);
            StackedResidualSystem three = StackedResidualSystem.build(problem, model, pts, LossScaling.MEAN, engine, 3);
            assertEquals(3, three.threads());
            double[] theta = model.initialParameters(4);
            int s = one.residualCount();
            int p = one.parameterCount();
            assertEquals(one.groups(), three.groups());
            assertArrayEquals(residuals(one, theta), residuals(three, theta), 1e-14 * ulps);
            double[] j1 = new double[s * p];
            double[] j3 = new double[s * p];
            one.jacobian(theta, j1);
            three.jacobian(theta, j3);
            assertArrayEquals(j1, j3, 1e-13 * ulps);
            Random random = new Random(2);
            double[] v = random.doubles(p, -1, 1).toArray();
            double[] u = random.doubles(s, -1, 1).toArray();
            double[] a = new double[s];
            double[] b = new double[s];
            one.jacobianTimes(theta, v, a);
            three.jacobianTimes(theta, v, b);
            assertArrayEquals(a, b, 1e-13 * ulps);
            double[] ga = new double[p];
            double[] gb = new double[p];
            one.jacobianTransposeTimes(theta, u, ga);
            three.jacobianTransposeTimes(theta, u, gb);
            assertArrayEquals(ga, gb, 1e-12 * ulps);
            double loss = one.lossAndGradient(theta, ga);
            assertEquals(loss, three.lossAndGradient(theta, gb), 1e-14 * loss * ulps, "equal up to summation order");
            assertArrayEquals(ga, gb, 1e-12 * ulps);
            // Resampling re-splits the points among the threads.
            String first = problem.conditions().get(0).name();
            double[] fewer = java.util.Arrays.copyOf(pts.get(first), 2 * problem.domain().dimension());
            one.setPoints(first, fewer);
            three.setPoints(first, fewer);
            assertArrayEquals(residuals(one, theta), residuals(three, theta), 1e-14 * ulps);
            one.jacobianTransposeTimes(theta, new double[one.residualCount()], ga);
            three.lossAndGradient(theta, gb);
            one.lossAndGradient(theta, ga);
            assertArrayEquals(ga, gb, 1e-12 * ulps);
        }
    }

    @Test
    void theDefaultUsesOneThreadForSmallSystems() {
        assertEquals(1, StackAssembly.defaultThreads(100));
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.min(cores, 4), StackAssembly.defaultThreads(4 * StackAssembly.ROWS_PER_EXTRA_THREAD));
        Problem problem = TestProblems.heat(null);
        Model model = TestProblems.modelFor(problem, 3);
        assertThrows(GeopinnException.class, () -> StackedResidualSystem.build(problem, model,
                TestProblems.randomPoints(problem, 1, 0.1), LossScaling.MEAN, EvaluatorFactory.EXACT, -1));
    }

    @Test
    void aFailureOnAWorkerReachesTheCallerAndTheSystemRecovers() {
        Problem problem = TestProblems.laplace2d();
        FailingModel model = new FailingModel(TestProblems.modelFor(problem, 3));
        StackedResidualSystem rs = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 1, 0.1),
                LossScaling.MEAN, EvaluatorFactory.EXACT, 2);
        double[] theta = model.initialParameters(1);
        double good = rs.loss(theta);
        theta[0] = 99; // the model refuses this θ on every slice
        GeopinnException e = assertThrows(GeopinnException.class, () -> rs.loss(theta));
        assertEquals("refused", e.getMessage());
        theta[0] = model.initialParameters(1)[0];
        assertEquals(good, rs.loss(theta), 0);
    }

    @Test
    void threadedPassesAllocateNothing() {
        Problem problem = TestProblems.burgers(null);
        Model model = MlpResidualSystemTest.mlp(problem, false, "tanh");
        StackedResidualSystem rs = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 1, 0.2),
                LossScaling.MEAN, EvaluatorFactory.EXACT, 2);
        Runnable step = Allocations.trainingStep(rs, model.initialParameters(1));
        long bytes = Allocations.bytesOfCountedSteps(step, ParallelResidualSystemTest::threadIds);
        assertTrue(bytes < 2048, "200 threaded steps allocated " + bytes + " bytes on the caller and the workers");
    }

    private static long[] threadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t == Thread.currentThread() || t.getName().startsWith("geopinn-residuals-"))
                .mapToLong(Thread::getId).toArray();
    }

    @Test
    void allSystemsShareABoundedSetOfWorkersThatRetireWhenIdle() throws InterruptedException {
        Problem problem = TestProblems.heat(null);
        Model model = TestProblems.modelFor(problem, 3);
        double[] theta = model.initialParameters(0);
        for (int k = 0; k < 12; k++) {
            StackedResidualSystem rs = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, k, 0.1),
                    LossScaling.MEAN, EvaluatorFactory.EXACT, 2 + k % 3);
            rs.loss(theta);
        }
        assertTrue(SlicePool.liveWorkers() <= 3, "at most (largest T) − 1 workers: " + SlicePool.liveWorkers());
        long before = SlicePool.idleNanos;
        try {
            SlicePool.idleNanos = 50_000_000L;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (SlicePool.liveWorkers() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, SlicePool.liveWorkers(), "idle workers end");
        } finally {
            SlicePool.idleNanos = before;
        }
        StackedResidualSystem again = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 1, 0.1),
                LossScaling.MEAN, EvaluatorFactory.EXACT, 2);
        StackedResidualSystem single = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 1, 0.1),
                LossScaling.MEAN, EvaluatorFactory.EXACT, 1);
        assertEquals(single.loss(theta), again.loss(theta), 1e-14 * single.loss(theta), "workers start again when needed");
        assertEquals(1, SlicePool.liveWorkers());
    }


    /** A model whose evaluators refuse θ with θ₀ = 99 (to test failures on worker threads). */
    static final class FailingModel extends HookedModel {
        FailingModel(Model inner) {
            super(inner, theta -> {
                if (theta[0] == 99) {
                    throw new GeopinnException("refused");
                }
            }, points -> { });
        }
    }
}
