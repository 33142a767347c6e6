package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --problem-config}: a command-mode solve gives a problem its coefficients through
 * Configuration Admin, records them with the results, keeps them on resume, and refuses bad ones
 * in one line.
 */
class ProblemConfigProcessTest {
    private static Geopinn.Result solve(Path home, Path out, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("solve", "thermoelastic1d", "--optimizer", "adam", "--steps", "2", "--quiet",
                "--out", out.toString()));
        args.addAll(List.of(more));
        return Geopinn.run(home, args.toArray(String[]::new));
    }

    /** @return the value of one column in the first step's row of history.csv */
    private static String firstStep(Path out, String column) throws Exception {
        List<String> rows = Files.readAllLines(out.resolve("history.csv"));
        return rows.get(1).split(",", -1)[List.of(rows.get(0).split(",")).indexOf(column)];
    }

    @Test
    void theCouplingReachesTheProblemAndIsRecordedAndResumed(@TempDir Path home) throws Exception {
        Path plain = home.resolve("plain");
        Path strong = home.resolve("strong");
        assertEquals(0, solve(home, plain).exit());
        Geopinn.Result r = solve(home, strong, "--problem-config", "gamma=10", "--weighting", "gradnorm(max_weight=100)");
        assertEquals(0, r.exit(), r.err());

        String summary = Files.readString(strong.resolve("summary.json"));
        assertTrue(summary.contains("\"gamma\": \"10.0\""), summary);
        assertTrue(summary.contains("γ = 10.0"), "the problem's description names its coupling: " + summary);
        assertTrue(Files.readString(plain.resolve("summary.json")).contains("\"problem_config\": {}"));
        assertTrue(Files.readAllLines(strong.resolve("run.properties")).contains("problem.gamma=10.0"));
        assertTrue(Files.readAllLines(strong.resolve("run.properties")).contains("weighting.max_weight=100"), "weighting settings kept");
        // Same seed, same network: the coupling term makes the displacement equation's loss differ.
        assertNotEquals(firstStep(plain, "loss_pde-u"), firstStep(strong, "loss_pde-u"));

        Geopinn.Result resumed = Geopinn.run(home, "solve", "--resume", strong.toString(), "--steps", "1", "--quiet");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(Files.readString(strong.resolve("summary.json")).contains("γ = 10.0"), "resume keeps the coupling");
    }

    @Test
    void badSettingsAreOneClearLine(@TempDir Path home) throws Exception {
        Path out = home.resolve("out");
        expectError(solve(home, out, "--problem-config", "gama=10"), "has no setting 'gama'", "gamma, kappa, stiffness");
        expectError(solve(home, out, "--problem-config", "gamma=ten"), "setting 'gamma' of thermoelastic1d is 'ten'; allowed: a finite number");
        // ranges come from the metatype description (@AttributeDefinition min/max), checked once, named in one line
        expectError(solve(home, out, "--problem-config", "kappa=0"), "setting 'kappa' of thermoelastic1d is 0; allowed: a number > 0");
        expectError(Geopinn.run(home, "solve", "thermoelastic1d", "--optimizer", "adam(beta1=1.5)", "--steps", "2", "--quiet",
                "--out", out.toString()), "setting 'beta1' of adam is 1.5; allowed: a number in [0, 0.999999]");
        expectError(solve(home, out, "--problem-config", "gamma"), "'gamma' is not NAME=VALUE");
        expectError(Geopinn.run(home, "solve", "laplace2d", "--problem-config", "gamma=1", "--steps", "1"), "'laplace2d' has no settings");
        expectError(solve(home, out, "--weighting", "gradnorm(max_weight)"), "--weighting", "'max_weight' is not key=value");
        expectError(solve(home, out, "--weighting", "gradnorm(max_weight=-1)"), "setting 'max_weight' of gradnorm is -1; allowed: a number ≥ 0");
    }

    @Test
    void valuesOutsideAProblemsRangeAreRefusedNamingTheSettingAndTheRange(@TempDir Path home) throws Exception {
        Path out = home.resolve("out");
        expectError(Geopinn.run(home, "solve", "npp1d", "--out", out.toString(), "--steps", "1", "--problem-config", "epsilon=0"),
                "setting 'epsilon' of npp1d is 0", "0.0036");
        expectError(Geopinn.run(home, "solve", "npp1d", "--out", out.toString(), "--steps", "1", "--problem-config", "zeta=1e308"),
                "setting 'zeta' of npp1d", "18");
    }

    private static void expectError(Geopinn.Result r, String... fragments) {
        assertEquals(2, r.exit(), r.out() + r.err());
        List<String> lines = r.errorLines();
        assertEquals(1, lines.size(), "one line: " + lines);
        for (String f : fragments) {
            assertTrue(lines.get(0).contains(f), "'" + f + "' in: " + lines.get(0));
        }
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
