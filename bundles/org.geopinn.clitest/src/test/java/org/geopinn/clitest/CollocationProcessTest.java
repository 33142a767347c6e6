package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code solve --collocation learned(…)} as a process: the run trains with learned points, and its
 * results say so in run.properties (which --resume reads) and in summary.json (which people read).
 */
class CollocationProcessTest {
    @Test
    void aRunWithLearnedPointsRecordsThemInItsResults(@TempDir Path home) throws Exception {
        Path run = home.resolve("run");
        Geopinn.Result r = Geopinn.run(home, "solve", "laplace2d", "--optimizer", "anagram", "--collocation", "learned(every=2;steps=1)",
                "--steps", "3", "--hidden", "8", "--points", "pde=16,boundary=16", "--quiet", "--out", run.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(run.resolve("run.properties"))) {
            p.load(in);
        }
        String recorded = p.getProperty("collocation");
        assertTrue(recorded != null && recorded.startsWith("learned(every=2;steps=1;"), "run.properties: " + p);
        String summary = Files.readString(run.resolve("summary.json"));
        assertTrue(summary.contains("\"collocation\": \"" + recorded + "\"") || summary.contains("\"collocation\":\"" + recorded + "\""),
                "summary.json names the learned points as run.properties does: " + summary);
    }
}
