package org.geopinn.problems.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems declared as text: a complete declaration works, every kind of inconsistency gives one clear line. */
class ProblemDeclarationTest {

    /** The 2-D Poisson problem of docs/PROBLEMS.md, as configuration properties. */
    static Map<String, Object> poisson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "poisson-text");
        m.put("description", "2-D Poisson declared in a file");
        m.put("variables", "x, y");
        m.put("fields", "u");
        m.put("lower", "0, 0");
        m.put("upper", "1, 1");
        m.put("conditions", "pde, wall");
        m.put("condition.pde.part", "interior");
        m.put("condition.pde.operator", "-lap(u)");
        m.put("condition.pde.source", "2*pi^2*sin(pi*x)*sin(pi*y)");
        m.put("condition.pde.points", "900");
        m.put("condition.wall.part", "boundary");
        m.put("condition.wall.operator", "u");
        m.put("condition.wall.points", "120");
        m.put("condition.wall.option.cluster.variable", "x");
        m.put("exact.u", "sin(pi*x)*sin(pi*y)");
        m.put("default.optimizer", "anagram");
        m.put("default.hidden", "32");
        // Added by ConfigAdmin and FileInstall, ignored.
        m.put("service.pid", "org.geopinn.problems.declared~poisson");
        m.put("felix.fileinstall.filename", "file:/tmp/plugins/org.geopinn.problems.declared-poisson.cfg");
        return m;
    }

    @Test
    void aCompleteDeclarationBecomesAProblem() {
        Problem p = ProblemDeclaration.parse(poisson(), "test");
        assertEquals("poisson-text", p.id());
        assertEquals(2, p.domain().dimension());
        assertEquals(List.of("interior", "boundary"), p.domain().parts().stream().map(DomainPart::name).toList());
        Condition pde = p.conditions().get(0);
        assertEquals("pde", pde.name());
        assertEquals(900, pde.points());
        double[] x = {0.3, 0.7};
        assertEquals(2 * Math.PI * Math.PI * Math.sin(0.3 * Math.PI) * Math.sin(0.7 * Math.PI), pde.source().value(x), 1e-12);
        assertEquals(Map.of("cluster.variable", "x"), p.conditions().get(1).samplerOptions());
        double[] out = new double[1];
        p.reference().orElseThrow().evaluate(x, 1, out);
        assertEquals(Math.sin(0.3 * Math.PI) * Math.sin(0.7 * Math.PI), out[0], 1e-12);
        assertEquals("anagram", p.defaults().get("optimizer"));
    }

    @Test
    void timeDependentDeclarationsGetAnInitialPartAndCustomParts() {
        Map<String, Object> m = new HashMap<>();
        m.put("id", "heat-text");
        m.put("variables", new String[] {"t", "x"});
        m.put("fields", "u");
        m.put("lower", new double[] {0, 0});
        m.put("upper", new double[] {1, 1});
        m.put("part.left", "face x lower");
        m.put("condition.pde.part", "interior");
        m.put("condition.pde.operator", "u_t - 0.25*u_xx");
        m.put("condition.init.part", "initial");
        m.put("condition.init.operator", "u");
        m.put("condition.init.source", "sin(pi*x)");
        m.put("condition.left.part", "left");
        m.put("condition.left.operator", "u");
        m.put("condition.right.part", "boundary");
        m.put("condition.right.operator", "u");
        Problem p = ProblemDeclaration.parse(m, "test");
        assertEquals(List.of("init", "left", "pde", "right"), p.conditions().stream().map(Condition::name).toList());
        DomainPart initial = p.domain().part("initial");
        assertEquals(DomainPart.Kind.FACE, initial.kind());
        assertEquals(0, initial.variable());
        assertFalse(p.reference().isPresent());
    }

    private static String error(Map<String, Object> m) {
        GeopinnException e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(m, "bad.cfg"));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("declared problem"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.cfg"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void anUnknownFieldInAnOperatorIsNamed() {
        Map<String, Object> m = poisson();
        m.put("condition.pde.operator", "w_xx + u_yy");
        String msg = error(m);
        assertTrue(msg.contains("condition.pde.operator") && msg.contains("'w_xx'"), msg);
    }

    @Test
    void aConditionOnAMissingPartIsNamed() {
        Map<String, Object> m = poisson();
        m.put("condition.wall.part", "walls");
        String msg = error(m);
        assertTrue(msg.contains("'walls' does not exist") && msg.contains("condition 'wall'"), msg);
    }

    @Test
    void aDimensionMismatchIsNamed() {
        Map<String, Object> m = poisson();
        m.put("lower", "0, 0, 0");
        assertTrue(error(m).contains("3"), "bounds count");
    }

    @Test
    void malformedTextGivesTheColumn() {
        Map<String, Object> m = poisson();
        m.put("condition.pde.operator", "u_xx + * u_yy");
        String msg = error(m);
        assertTrue(msg.contains("column"), msg);
    }

    @Test
    void otherMistakesAreNamedToo() {
        Map<String, Object> m = poisson();
        m.put("condition.pde.source", "u*x");
        assertTrue(error(m).contains("uses a field"));
        m = poisson();
        m.put("conditon.pde.points", "3");
        assertTrue(error(m).contains("unknown key 'conditon.pde.points'"));
        m = poisson();
        m.put("condition.pde.points", "many");
        assertTrue(error(m).contains("not a whole number"));
        m = poisson();
        m.remove("fields");
        assertTrue(error(m).contains("missing key 'fields'"));
        m = poisson();
        m.put("exact.v", "x");
        assertTrue(error(m).contains("exact.v names no field"));
        m = poisson();
        m.put("part.side", "edge x");
        assertTrue(error(m).contains("part.side"));
        m = poisson();
        m.put("condition.extra.part", "interior");
        assertTrue(error(m).contains("not listed in conditions"));
        m = poisson();
        m.put("default.optimiser", "adam");
        assertTrue(error(m).contains("default.optimiser"));
        m = poisson();
        m.put("condition.wall.operator", "x*y");
        assertTrue(error(m).contains("uses no field"));
    }

    @Test
    void aPlainPropertiesFileDeclaresTheSameProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("poisson.properties");
        StringBuilder text = new StringBuilder("# a declared PDE\n");
        poisson().forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(file, text);
        Problem p = ProblemDeclaration.load(file);
        assertEquals("poisson-text", p.id());
        GeopinnException e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.load(dir.resolve("none.properties")));
        assertTrue(e.getMessage().contains("cannot read"));
    }
}
