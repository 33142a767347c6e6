package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {
    private static Options parse(String... args) {
        return Options.parse(List.of(args), SolveOptions.VALUED, SolveOptions.FLAGS);
    }

    @Test
    void valuesFlagsAndPositionals() {
        Options o = parse("laplace2d", "--steps", "20", "--hidden=64,64", "--quiet");
        assertEquals(List.of("laplace2d"), o.positional());
        assertEquals(20, o.longValue("steps", 0, 1));
        assertArrayEquals(new int[] {64, 64}, o.widths("hidden"));
        assertTrue(o.flag("quiet"));
        assertNull(o.widths("activation"));
        assertEquals(7, o.longValue("seed", 7, 0), "the fallback when absent");
    }

    @Test
    void badInputIsOneClearLine() {
        assertEquals("unknown option --stepz; options are --activation, --checkpoint-every, --collocation, --config, --diagnostic-every, --diagnostics, --engine, "
                + "--error-every, --hidden, --initialization, --known, --leave-out, --lost-service-wait, --model, --optimizer, --out, --output-map, --parametric, --points, --problem-config, "
                + "--quiet, --resample-every, --resume, --sampler, --scaling, --seed, --separate-networks, --start-from, --steps, --time-budget, --time-marching, --unknown, "
                + "--weighting",
                assertThrows(GeopinnException.class, () -> parse("--stepz", "3")).getMessage());
        assertEquals("--steps needs a value", assertThrows(GeopinnException.class, () -> parse("--steps")).getMessage());
        assertEquals("--known: 'nu=x' is not NAME or NAME=VALUE with a finite value (e.g. nu or nu=0.0032)",
                assertThrows(GeopinnException.class, () -> SolveOptions.known("nu=x")).getMessage());
        assertEquals(java.util.Map.of("nu", Double.NaN, "kappa", 0.25), SolveOptions.known("nu, kappa=0.25"),
                "a name alone takes the value the --start-from run ended with (NaN until then)");
        assertEquals(java.util.List.of("observations", "boundary"), SolveOptions.leftOut("observations, boundary"));
        assertEquals("--known: 'nu' is given twice", assertThrows(GeopinnException.class, () -> SolveOptions.known("nu,nu=1")).getMessage());
        assertEquals("--leave-out: 'observations,' is not a list of condition names (e.g. observations)",
                assertThrows(GeopinnException.class, () -> SolveOptions.leftOut("observations,")).getMessage());
        String bad = assertThrows(GeopinnException.class, () -> SolveOptions.collocation("learned(every=0;steps=3)")).getMessage();
        assertEquals("--collocation: every '0' is not an integer from 1 to 1000000", bad);
        assertEquals(3, SolveOptions.collocation("learned(every=10;steps=3)").steps());
        assertNull(SolveOptions.collocation("fixed"));
        assertEquals("--steps: '1e3' is not a whole number",
                assertThrows(GeopinnException.class, () -> parse("--steps", "1e3").longValue("steps", 0, 1)).getMessage());
        assertEquals("--steps: 0 is too small (at least 1)",
                assertThrows(GeopinnException.class, () -> parse("--steps", "0").longValue("steps", 0, 1)).getMessage());
        assertEquals("--time-budget: -1 must be a finite number ≥ 0",
                assertThrows(GeopinnException.class, () -> parse("--time-budget", "-1").nonNegative("time-budget", 0)).getMessage());
        assertEquals("--hidden: layer widths must be positive, got '64,0'",
                assertThrows(GeopinnException.class, () -> parse("--hidden", "64,0").widths("hidden")).getMessage());
        assertEquals("--quiet takes no value", assertThrows(GeopinnException.class, () -> parse("--quiet=yes")).getMessage());
    }

    @Test
    void aConfigFileFillsWhatTheCommandLineLeavesOpen(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("run.properties");
        Files.writeString(cfg, "steps=300\noptimizer=adam:100,lbfgs\nquiet=true\n");
        Options o = parse("--steps", "50");
        o.addDefaults(cfg, SolveOptions.VALUED, SolveOptions.FLAGS);
        assertEquals(50, o.longValue("steps", 0, 1), "the command line wins");
        assertEquals("adam:100,lbfgs", o.get("optimizer"));
        assertTrue(o.flag("quiet"));
        Files.writeString(cfg, "stepz=3\n");
        assertTrue(assertThrows(GeopinnException.class, () -> parse().addDefaults(cfg, SolveOptions.VALUED, SolveOptions.FLAGS))
                .getMessage().startsWith("unknown key 'stepz' in "));
        assertTrue(assertThrows(GeopinnException.class,
                () -> parse().addDefaults(dir.resolve("missing.properties"), SolveOptions.VALUED, SolveOptions.FLAGS))
                .getMessage().startsWith("cannot read the config file "));
    }

    @Test
    void parametricRangesAndTheirErrors() {
        java.util.Map<String, double[]> one = SolveOptions.parametric("k=1,4");
        assertEquals(List.of("k"), List.copyOf(one.keySet()));
        assertArrayEquals(new double[] {1, 4}, one.get("k"));
        java.util.Map<String, double[]> two = SolveOptions.parametric("k=1:4, c=-0.5:0.5");
        assertEquals(List.of("k", "c"), List.copyOf(two.keySet()));
        assertArrayEquals(new double[] {-0.5, 0.5}, two.get("c"));
        assertArrayEquals(new double[] {0, 2}, SolveOptions.parametric("k=0,2,c=1:3").get("k"));
        String usage = " is not NAME=LO,HI with finite numbers LO < HI (e.g. k=1,4; several: k=1:4,c=0:1)";
        assertEquals("--parametric: 'k=4,1'" + usage,
                assertThrows(GeopinnException.class, () -> SolveOptions.parametric("k=4,1")).getMessage());
        assertEquals("--parametric: 'k=1'" + usage,
                assertThrows(GeopinnException.class, () -> SolveOptions.parametric("k=1")).getMessage());
        assertEquals("--parametric: 'k=a,2'" + usage,
                assertThrows(GeopinnException.class, () -> SolveOptions.parametric("k=a,2")).getMessage());
        assertEquals("--parametric: '=1,2'" + usage,
                assertThrows(GeopinnException.class, () -> SolveOptions.parametric("=1,2")).getMessage());
        assertEquals("--parametric: 'k' is given twice",
                assertThrows(GeopinnException.class, () -> SolveOptions.parametric("k=1:2,k=3:4")).getMessage());
    }
}
