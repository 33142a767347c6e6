package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code help KIND NAME} prints a component's settings from its metatype description. */
class HelpProcessTest {
    @Test
    void anOptimizersSettingsWithTypeDefaultRangeAndDescription(@TempDir Path home) throws Exception {
        Geopinn.Result r = Geopinn.run(home, "help", "optimizer", "anagram");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("optimizer anagram: "), r.out());
        assertTrue(r.out().contains("  cutoff (string, default adaptive, one of relative, absolute, adaptive): relative (keep σ ≥ tolerance·σ_max)"),
                r.out());
        assertTrue(r.out().contains("  max_exponent (integer, default 30, an integer in [0, 200]): the line search tries"), r.out());
        assertTrue(r.out().contains("defaults: plugins/org.geopinn.optimizer.anagram.cfg"), r.out());
    }

    @Test
    void aProblemsSettings(@TempDir Path home) throws Exception {
        Geopinn.Result r = Geopinn.run(home, "help", "problem", "thermoelastic1d");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  kappa (double, default 1.0, a number > 0): thermal conductivity κ"), r.out());
        assertTrue(r.out().contains("per run: --problem-config NAME=VALUE"), r.out());
    }
}
