package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input ends with exit code 2 and one line on standard error, before any training. */
class BadInputProcessTest {
    private static void failsCleanly(Geopinn.Result r, String... fragments) {
        assertEquals(2, r.exit(), r.out() + r.err());
        List<String> lines = r.errorLines();
        assertEquals(1, lines.size(), "one line: " + lines);
        String line = lines.get(0);
        assertTrue(line.startsWith("geopinn solve: "), line);
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' in: " + line);
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in"), "no stack trace: " + r.err());
        assertFalse(r.out().contains("results in"), "no training ran");
    }

    @Test
    void unknownProblemListsTheKnownOnes(@TempDir Path home) throws Exception {
        failsCleanly(Geopinn.run(home, "solve", "no-such-pde"), "unknown problem 'no-such-pde'", "laplace2d", "heat");
    }

    @Test
    void unknownOptimizerListsTheKnownOnes(@TempDir Path home) throws Exception {
        failsCleanly(Geopinn.run(home, "solve", "laplace2d", "--optimizer", "adam:10,nesterov"), "unknown optimizer 'nesterov'", "adam");
    }

    @Test
    void malformedNumbers(@TempDir Path home) throws Exception {
        failsCleanly(Geopinn.run(home, "solve", "laplace2d", "--steps", "12x"), "--steps", "'12x'");
        failsCleanly(Geopinn.run(home, "solve", "laplace2d", "--hidden", "64,x"), "--hidden");
    }

    @Test
    void resumeDirectoryOfAnotherProblem(@TempDir Path home) throws Exception {
        Path run = home.resolve("laplace-run");
        assertEquals(0, Geopinn.run(home, "solve", "laplace2d", "--optimizer", "adam", "--steps", "2", "--quiet", "--out", run.toString())
                .exit());
        failsCleanly(Geopinn.run(home, "solve", "heat", "--resume", run.toString()), "'laplace2d'", "'heat'");
        failsCleanly(Geopinn.run(home, "solve", "laplace2d", "--resume", run.toString(), "--hidden", "64,64"),
                "trained with --hidden 32, not 64,64");
        failsCleanly(Geopinn.run(home, "solve", "laplace2d", "--resume", home.resolve("nothing-here").toString()),
                "not a Geopinn results directory");
    }

    @Test
    void unwritableOutputDirectory(@TempDir Path home) throws Exception {
        Path blocker = home.resolve("a-file");
        Files.writeString(blocker, "not a folder");
        failsCleanly(Geopinn.run(home, "solve", "laplace2d", "--steps", "1", "--out", blocker.resolve("out").toString()),
                "cannot write to the output directory");
    }
}
