package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.geopinn.api.session.TrainingEvent;
import org.junit.jupiter.api.Test;

class StillFallingTest {
    private static final Path OUT = Path.of("/tmp/runs/poisson-1");

    /** Steps 1..n with the unweighted loss split over two conditions, the second weighted by w(step). */
    private static List<TrainingEvent> run(long n, LongToDoubleFunction loss, LongToDoubleFunction boundaryWeight) {
        List<TrainingEvent> h = new ArrayList<>();
        h.add(new TrainingEvent(TrainingEvent.Kind.STARTED, "s", 0, 0, Double.NaN, new double[0], new double[0], Double.NaN,
                new double[0], "lm", "started", null));
        for (long k = 1; k <= n; k++) {
            double l = loss.applyAsDouble(k);
            double w = boundaryWeight.applyAsDouble(k);
            h.add(new TrainingEvent(TrainingEvent.Kind.STEP, "s", k, k * 0.1, l / 2 + w * l / 2, new double[] {l / 2, w * l / 2},
                    new double[] {1, w}, Double.NaN, new double[0], "lm", "", null));
        }
        return h;
    }

    @Test
    void aLossThatHalvesOverTheLastFifthIsReportedWithTheCommandThatContinuesTheRun() {
        // loss 2^(-k/100): over the last 200 of 1000 steps it falls 2^2 = 4 times
        String note = StillFalling.note(run(1000, k -> Math.pow(2, -k / 100.0), k -> 1), 1000, 0, "poisson", OUT);
        assertNotNull(note);
        assertTrue(note.contains("(4.0 times lower over its last 200 steps)"), note);
        assertTrue(note.endsWith("geopinn solve poisson --resume " + OUT + " --steps 1000 continues it"), note);
    }

    @Test
    void aLossThatFlattensIsNotReported() {
        // falls 1.5 times over the last fifth: below the threshold of 2
        double rate = Math.log(1.5) / 200;
        assertNull(StillFalling.note(run(1000, k -> Math.exp(-rate * k), k -> 1), 1000, 0, "poisson", OUT));
        // converged: constant
        assertNull(StillFalling.note(run(1000, k -> 1e-12, k -> 1), 1000, 0, "poisson", OUT));
    }

    @Test
    void growingWeightsDoNotLookLikeProgressAndShrinkingOnesDoNotHideIt() {
        // the unweighted loss is constant while a weighting lowers the boundary weight 100-fold: the weighted loss falls 50 times
        assertNull(StillFalling.note(run(1000, k -> 1e-3, k -> k <= 800 ? 100 : 1), 1000, 0, "poisson", OUT));
        // the unweighted loss falls 4 times while the weight grows: the weighted loss does not fall, the note still comes
        assertNotNull(StillFalling.note(run(1000, k -> Math.pow(2, -k / 100.0), k -> Math.pow(2, k / 100.0)), 1000, 0, "poisson", OUT));
        assertEquals(2e-3, StillFalling.unweighted(run(1, k -> 2e-3, k -> 7).get(1)), 1e-15);
    }

    @Test
    void tooFewStepsSayNothing() {
        // 40 steps: a tail of 8 steps is too short to call a trend
        assertNull(StillFalling.note(run(40, k -> Math.pow(2, -k), k -> 1), 40, 0, "poisson", OUT));
        assertNull(StillFalling.note(List.of(), 1000, 0, "poisson", OUT));
    }

    @Test
    void onlyARunEndedByItsStepCountOrTimeBudgetIsReported() {
        List<TrainingEvent> falling = run(1000, k -> Math.pow(2, -k / 100.0), k -> 1);
        // the optimizer ended it at step 1000 of 5000, before the 200 s budget (the last step is at 100 s)
        assertNull(StillFalling.note(falling, 5000, 200, "poisson", OUT));
        assertNull(StillFalling.note(falling, 5000, 0, "poisson", OUT));
        // the 100 s budget ended it
        assertNotNull(StillFalling.note(falling, 5000, 100, "poisson", OUT));
    }
}
