package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.cli.BenchCommand.Run;
import org.geopinn.cli.BenchCommand.Target;
import org.junit.jupiter.api.Test;

/** Time to a target error and the verdict over seeds, as the bench tables report them. */
class BenchTargetsTest {
    private static TrainingEvent step(long step, double seconds, double err) {
        return new TrainingEvent(TrainingEvent.Kind.STEP, "s", step, seconds, 1, new double[] {1}, new double[] {1}, err, new double[0],
                "anagram", "", null);
    }

    private static Run run(double... reached) {
        return new Run("laplace2d", "anagram", 0, 10, 60, 1e-9, 1e-9, "finished", null, reached);
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
        assertTrue(BenchCommand.verdict(three, 0, t).endsWith("**met**"), BenchCommand.verdict(three, 0, t));
        assertTrue(BenchCommand.verdict(three, 0, t).contains("2 of 3"));
        List<Run> late = List.of(run(2), run(11), run(Double.NaN));
        assertTrue(BenchCommand.verdict(late, 0, t).endsWith("**missed**"), BenchCommand.verdict(late, 0, t));
        assertTrue(BenchCommand.verdict(late, 0, t).contains("1 of 3, median 11.0 s"));
    }
}
