package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.geopinn.api.session.TrainingEvent;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private static TrainingEvent event(TrainingEvent.Kind kind, long step, double seconds, double err) {
        return new TrainingEvent(kind, "s1", step, seconds, 3e-4, new double[] {1e-4, 2e-4}, new double[] {1, 1}, err, new double[0],
                "adam", "note", null);
    }

    @Test
    void plainLinesCarryStepLossesErrorStepTimeAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, List.of("pde", "boundary"),
                0, 100, 0, 0);
        p.onEvent(event(TrainingEvent.Kind.STEP, 10, 2.0, 0.01));
        p.onEvent(event(TrainingEvent.Kind.STEP, 11, 2.2, Double.NaN)); // within 5 s of the last line: not printed
        p.onEvent(event(TrainingEvent.Kind.ENDED, 11, 2.2, 0.005));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("step 10/100  loss 3.000e-04 (pde 1.00e-04, boundary 2.00e-04)  rel_l2 1.000e-02  200.0 ms/step  ETA 0:18  [0:02]  note",
                lines.get(0), "the optimizer's note on its step comes last");
        assertTrue(lines.get(1).startsWith("step 11/100") && lines.get(1).contains("rel_l2 5.000e-03") && !lines.get(1).contains("ETA")
                && !lines.get(1).endsWith("note"), "the end line carries no step note: " + lines.get(1));
    }

    @Test
    void theLiveBarRewritesOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, List.of("pde"), 0, 100, 0, 0);
        p.onEvent(event(TrainingEvent.Kind.STEP, 50, 1.0, Double.NaN));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\r[██████████░░░░░░░░░░]  50% step 50/100"), out);
        assertTrue(!out.contains("\n"), "no new line while running");
        assertEquals("[████████████████████] 100%", ProgressPrinter.bar(1));
    }

    @Test
    void aRenewalOfThePointsIsALineOfItsOwn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, List.of("pde"), 0, 100, 0, 0);
        p.onEvent(new TrainingEvent(TrainingEvent.Kind.POINTS, "s1", 50, 1.0, 3e-4, new double[] {3e-4}, new double[] {1}, Double.NaN,
                new double[0], "lm", "step 50: renewed the collocation points of pde", null));
        assertEquals(List.of("  step 50: renewed the collocation points of pde"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
