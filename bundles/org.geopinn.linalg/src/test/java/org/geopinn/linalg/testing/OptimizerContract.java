package org.geopinn.linalg.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.Vectors;
import org.geopinn.linalg.state.OptimizerStateFile;

/** Checks every optimizer bundle runs against its factory: the contract of the optimizer API. */
public final class OptimizerContract {
    private OptimizerContract() {
    }

    /**
     * Runs some steps, exports the state through its binary form, imports it into a fresh
     * instance on a fresh (equal) system, and checks that both take exactly the same next steps.
     *
     * @param factory the optimizer factory
     * @param overrides settings
     * @param systems makes equal fresh systems
     * @param theta0 the start
     * @param warmup steps before the export
     */
    public static void assertExportImportReproducesNextSteps(OptimizerFactory factory, Map<String, ?> overrides,
            Supplier<ResidualSystem> systems, double[] theta0, int warmup) {
        Optimizer original = factory.create(overrides);
        ResidualSystem system = systems.get();
        double[] theta = theta0.clone();
        for (int i = 0; i < warmup; i++) {
            original.step(system, theta);
        }
        OptimizerState saved = roundTrip(original.exportState());
        assertEquals(factory.id(), saved.optimizerId());
        Optimizer resumed = factory.create(overrides);
        resumed.importState(saved);
        ResidualSystem fresh = systems.get();
        double[] a = theta.clone();
        double[] b = theta.clone();
        for (int i = 0; i < 2; i++) {
            StepResult ra = original.step(system, a);
            StepResult rb = resumed.step(fresh, b);
            assertEquals(ra.accepted(), rb.accepted(), "step " + i + ": " + ra + " vs " + rb);
            assertArrayEquals(a, b, 0.0, "step " + i + " after import differs");
            assertEquals(ra.lossAfter(), rb.lossAfter(), 0.0);
        }
        assertFalse(Arrays.equals(a, theta), "the steps after the export moved nothing");
        OptimizerState foreign = new OptimizerState("someone-else", theta.length, Map.of(), Map.of());
        assertThrows(GeopinnException.class, () -> factory.create(overrides).importState(foreign));
    }

    private static OptimizerState roundTrip(OptimizerState s) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OptimizerStateFile.write(s, out);
            return OptimizerStateFile.read(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trains on a system that is NaN outside max|θ_i| ≤ radius: θ must stay finite and inside,
     * every step touching the NaN region must be survived, and the loss must still go down.
     *
     * @param factory the optimizer factory
     * @param overrides settings (aggressive enough to step outside at first)
     * @param system the system (wrapped)
     * @param theta0 the start, inside the radius
     * @param radius the radius
     * @param steps steps to run
     * @return the wrapped system (to inspect how often NaN was returned)
     */
    public static NonFiniteBeyond assertNonFiniteNeverEntersTheta(OptimizerFactory factory, Map<String, ?> overrides,
            ResidualSystem system, double[] theta0, double radius, int steps) {
        NonFiniteBeyond poisoned = new NonFiniteBeyond(system, radius);
        Optimizer optimizer = factory.create(overrides);
        double[] theta = theta0.clone();
        double start = system.loss(theta);
        for (int i = 0; i < steps; i++) {
            double[] before = theta.clone();
            StepResult r = optimizer.step(poisoned, theta);
            assertTrue(Vectors.allFinite(theta), "non-finite θ after step " + i + ": " + r);
            assertTrue(Vectors.maxAbs(theta) <= radius, "θ left the finite region at step " + i + ": " + r);
            if (!r.accepted()) {
                assertArrayEquals(before, theta, 0.0, "a rejected step changed θ");
                assertFalse(r.detail().isEmpty(), "a rejected step must say why");
            }
        }
        assertTrue(poisoned.nonFiniteEvaluations() > 0, "the test never reached the non-finite region");
        assertTrue(system.loss(theta) < start, "no progress after non-finite evaluations");
        return poisoned;
    }
}
