package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's folder: a run that comes back twice is written once, and the table is made from the folders. */
class SweepResultsTest {
    private static final RunRequest RUN = new RunRequest("heat-adam-s3", "heat", Map.of("kappa", "2"), "adam", "", "", 3, 10, 0);

    private static RunOutcome outcome(String member, double loss) {
        String summary = "{\n  \"run_id\": \"x\",\n  \"state\": \"finished\",\n  \"seed\": 3,\n  \"steps\": 10,\n  \"seconds\": 0.5,\n  \"loss\": "
                + loss + ",\n  \"rel_l2\": null,\n  \"max_steps\": 10\n}\n";
        return new RunOutcome(RUN.key(), member, Map.of("summary.json", summary.getBytes(StandardCharsets.UTF_8), "history.csv",
                "step,loss\n10,1\n".getBytes(StandardCharsets.UTF_8), "manifest.sha256", "stale".getBytes(StandardCharsets.UTF_8),
                "../escape.txt", new byte[] {1}), "finished", 10, 0.5, loss, Double.NaN, "");
    }

    @Test
    void aRunThatComesBackTwiceIsWrittenOnce(@TempDir Path root) throws Exception {
        SweepResults results = new SweepResults(root);
        assertFalse(results.done(RUN.key()));
        assertTrue(results.write(outcome("a", 0.25)));
        assertTrue(results.done(RUN.key()));
        assertNull(Manifest.incompleteReason(root.resolve(RUN.key())), "a complete results folder with a manifest of its own");
        assertFalse(Files.exists(root.resolve("escape.txt")) || Files.exists(root.getParent().resolve("escape.txt")),
                "only result files are written");
        assertFalse(results.write(outcome("b", 0.75)), "the second copy is not written");
        assertTrue(Files.readString(root.resolve(RUN.key()).resolve("summary.json")).contains("\"loss\": 0.25"), "the first is kept");

        List<SweepResults.Row> rows = results.writeTables("t", "./geopinn sweep t.properties", List.of(RUN));
        assertEquals(1, rows.size());
        assertEquals(0.25, rows.get(0).loss());
        assertEquals(10, rows.get(0).steps());
        assertTrue(Double.isNaN(rows.get(0).relativeL2()));
        List<String> csv = Files.readAllLines(root.resolve(SweepResults.CSV));
        assertEquals(2, csv.size(), csv.toString());
        assertEquals("heat-adam-s3,heat,kappa=2,adam,,,3,10,0.5,0.25,,finished", csv.get(1));
    }

    @Test
    void anOutcomeWithoutSummaryIsRefusedAndLeavesNoFolder(@TempDir Path root) {
        RunOutcome bare = new RunOutcome(RUN.key(), "a", Map.of("history.csv", new byte[] {1}), "finished", 1, 0, 1, 1, "");
        GeopinnException e = assertThrows(GeopinnException.class, () -> new SweepResults(root).write(bare));
        assertTrue(e.getMessage().contains("without summary.json"), e.getMessage());
        assertFalse(Files.exists(root.resolve(RUN.key())));
    }
}
