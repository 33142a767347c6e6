package org.geopinn.clitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code solve --parametric}: a declared problem's coefficient becomes an input of the network for
 * one run (examples/parametric, poisson-k), and so does a coefficient of a problem written in Java
 * (heat); a resumed run stays parametric, and a name that is not a coefficient is refused on one line
 * with exit code 2.
 */
class ParametricProcessTest {
    private static final String EXAMPLES = Path.of("../../examples/parametric").toAbsolutePath().normalize().toString();

    private static Properties record(Path run) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(run.resolve("run.properties"))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void theCoefficientBecomesAnInputAndStaysOneOnResume(@TempDir Path home) throws Exception {
        Path run = home.resolve("run");
        Geopinn.Result r = Geopinn.run(home, "solve", "--plugin", EXAMPLES, "poisson-k", "--parametric", "k=1,4", "--steps", "2",
                "--hidden", "8", "--quiet", "--out", run.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        Properties p = record(run);
        assertEquals("x,y,k", p.getProperty("variables"));
        assertEquals("0.0,0.0,1.0", p.getProperty("lower"));
        assertEquals("1.0,1.0,4.0", p.getProperty("upper"));
        Geopinn.Result resumed = Geopinn.run(home, "solve", "--plugin", EXAMPLES, "--resume", run.toString(), "--steps", "1",
                "--quiet");
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertEquals("3", record(run).getProperty("steps"));
        assertEquals("x,y,k", record(run).getProperty("variables"));
    }

    @Test
    void aNameThatIsNoCoefficientIsOneLine(@TempDir Path home) throws Exception {
        Geopinn.Result r = Geopinn.run(home, "solve", "--plugin", EXAMPLES, "poisson-k", "--parametric", "q=1,4", "--steps", "1",
                "--quiet", "--out", home.resolve("run").toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        List<String> ours = r.errorLines().stream().filter(l -> l.startsWith("geopinn solve: ")).toList();
        assertEquals(List.of("geopinn solve: --parametric: problem 'poisson-k' has no coefficient 'q'; its coefficients: k"), ours);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(home.resolve("run")), "no folder for a refused run");
        Geopinn.Result java = Geopinn.run(home, "solve", "laplace2d", "--parametric", "k=1,4", "--quiet");
        assertEquals(2, java.exit());
        assertTrue(java.err().contains("geopinn solve: --parametric: problem 'laplace2d': it has no coefficient 'k'; its"
                + " coefficients: none"), java.err());
        assertFalse(java.err().contains("\tat "), "no stack trace: " + java.err());
    }

    /** A problem written in Java (heat, its diffusivity kappa) builds itself again with the coefficient as an input. */
    @Test
    void aProblemWrittenInJavaTakesTheCoefficientAsAnInput(@TempDir Path home) throws Exception {
        Path run = home.resolve("run");
        Geopinn.Result r = Geopinn.run(home, "solve", "heat", "--parametric", "kappa=0.1,1", "--steps", "2", "--hidden", "8",
                "--quiet", "--out", run.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        Properties p = record(run);
        assertEquals("t,x,kappa", p.getProperty("variables"));
        assertEquals("0.0,0.0,0.1", p.getProperty("lower"));
        assertEquals("1.0,1.0,1.0", p.getProperty("upper"));
        Geopinn.Result resumed = Geopinn.run(home, "solve", "--resume", run.toString(), "--steps", "1", "--quiet");
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertEquals("3", record(run).getProperty("steps"));
        assertEquals("t,x,kappa", record(run).getProperty("variables"));
    }
}
