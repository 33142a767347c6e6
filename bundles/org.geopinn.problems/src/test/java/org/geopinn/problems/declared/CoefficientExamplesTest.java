package org.geopinn.problems.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;

/** The declarations of examples/inverse and examples/parametric: trained and parametric coefficients. */
class CoefficientExamplesTest {
    private static final Path INVERSE = Path.of("../../examples/inverse");
    private static final Path PARAMETRIC = Path.of("../../examples/parametric");

    @Test
    void inverseExamplesTrainTheirCoefficient() {
        for (String id : List.of("heat-inverse", "heat-inverse-noisy", "burgers-inverse", "burgers-inverse-noisy")) {
            Problem p = ProblemDeclaration.load(INVERSE.resolve("org.geopinn.problems.declared-" + id + ".cfg"));
            assertEquals(id, p.id());
            assertEquals(1, p.unknowns().size(), id);
            assertEquals(p.unknowns(), p.coefficients(), "an unknown is a coefficient whose value is its initial guess");
            assertTrue(p.conditions().stream().anyMatch(c -> c.data() != null && c.data().length == 2 * 200
                    - (id.startsWith("burgers") ? 2 * 40 : 0)), id + ": 200 observations, 40 held out for Burgers");
        }
    }

    @Test
    void theParametricCoefficientIsAnInputButNotSpatial() {
        Problem p = ProblemDeclaration.load(PARAMETRIC.resolve("org.geopinn.problems.declared-poisson-parametric.cfg"));
        assertEquals(List.of("x", "y", "k"), p.vocabulary().variables());
        assertEquals(List.of("x", "y"), p.vocabulary().spatialVariables());
        assertEquals(1.0, p.domain().lower(2));
        assertEquals(4.0, p.domain().upper(2));
        DomainPart boundary = p.domain().part("boundary");
        assertEquals(List.of(0, 1), java.util.Arrays.stream(boundary.boundaryVariables()).boxed().toList());
        // the exact solution reads k like a variable: u = sin(pi x) sin(pi y) / k
        double[] u = new double[1];
        p.reference().orElseThrow().evaluate(new double[] {0.5, 0.5, 4}, 1, u);
        assertEquals(0.25, u[0], 1e-15);
    }

    @Test
    void coefficientKeysAreChecked() {
        Map<String, Object> keys = new HashMap<>(Map.of("id", "c", "variables", "x", "fields", "u", "lower", "0", "upper", "1",
                "condition.pde.part", "interior", "condition.pde.operator", "kappa*u_xx", "coefficient.kappa", "2"));
        assertEquals(Map.of("kappa", 2.0), ProblemDeclaration.parse(keys, "c.cfg").coefficients());
        keys.put("unknown.kappa", "1");
        GeopinnException twice = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(keys, "c.cfg"));
        assertTrue(twice.getMessage().contains("declared both as coefficient.kappa and as unknown.kappa"), twice.getMessage());
        keys.remove("coefficient.kappa");
        keys.put("unknown.kappa", "one");
        GeopinnException nan = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(keys, "c.cfg"));
        assertTrue(nan.getMessage().contains("unknown.kappa = 'one' is not a number"), nan.getMessage());
        keys.put("unknown.kappa", "1");
        keys.put("parametric.k", "4, 1");
        GeopinnException range = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(keys, "c.cfg"));
        assertTrue(range.getMessage().contains("parametric.k needs two numbers lo, hi with lo < hi"), range.getMessage());
    }

    /** What ./geopinn solve --parametric k=1,4 does to poisson-k: coefficient.k becomes parametric.k = 1.0, 4.0. */
    @Test
    void theCommandLineMakesTheDeclaredCoefficientParametric() throws Exception {
        java.util.Properties file = new java.util.Properties();
        try (var r = java.nio.file.Files.newBufferedReader(PARAMETRIC.resolve("org.geopinn.problems.declared-poisson-k.cfg"))) {
            file.load(r);
        }
        Map<String, Object> keys = new HashMap<>();
        file.stringPropertyNames().forEach(k -> keys.put(k, file.getProperty(k).trim()));
        Problem fixed = ProblemDeclaration.parse(keys, "poisson-k.cfg");
        assertEquals(Map.of("k", 2.0), fixed.coefficients());
        assertEquals(List.of("x", "y"), fixed.vocabulary().variables());
        keys.remove("coefficient.k");
        keys.put("parametric.k", "1.0, 4.0");
        Problem p = ProblemDeclaration.parse(keys, "poisson-k.cfg");
        assertEquals(List.of("x", "y", "k"), p.vocabulary().variables());
        assertEquals(java.util.Set.of("k"), p.domain().parameters());
        double[] u = new double[1];
        p.reference().orElseThrow().evaluate(new double[] {0.5, 0.5, 4}, 1, u);
        assertEquals(0.25, u[0], 1e-15);
    }
}
