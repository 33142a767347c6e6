package org.geopinn.problems.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.expr.ExprPrinter;
import org.junit.jupiter.api.Test;

/** Declared problems on a geometry: a plate with a hole and a Neumann edge, a space-time disk, clear refusals. */
class GeometryDeclarationTest {
    static Map<String, Object> plate() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "plate-text");
        m.put("variables", "x, y");
        m.put("fields", "u");
        m.put("geometry", "rectangle(0, 0, 1, 1) - disk(0.5, 0.5, 0.2) as hole");
        m.put("part.walls", "geometry ymin ymax");
        m.put("condition.pde.part", "interior");
        m.put("condition.pde.operator", "-lap(u)");
        m.put("condition.pde.source", "1");
        m.put("condition.hole.part", "hole");
        m.put("condition.hole.operator", "dn(u)");
        m.put("condition.walls.part", "walls");
        m.put("condition.walls.operator", "u + 0.5*dn(u)");
        m.put("condition.sides.part", "xmin");
        m.put("condition.sides.operator", "u");
        return m;
    }

    @Test
    void aPlateWithAHoleAndANeumannEdge() {
        Problem p = ProblemDeclaration.parse(plate(), "test");
        assertEquals(List.of("interior", "boundary", "xmin", "xmax", "ymin", "ymax", "hole", "walls"),
                p.domain().parts().stream().map(DomainPart::name).toList());
        assertEquals(List.of("ymin", "ymax"), p.domain().part("walls").geometryParts());
        assertEquals(0.2, p.domain().geometry().orElseThrow().signedDistance(new double[] {0.5, 0.5}), 1e-12);
        // dn(u) on the hole reads the normal into the hole: at (0.5, 0.3) it is (0, 1), so dn(u) = u_y there.
        var hole = p.conditions().stream().filter(c -> c.name().equals("hole")).findFirst().orElseThrow();
        assertEquals("(n_x*u_x + n_y*u_y)", ExprPrinter.print(hole.operator(), p.vocabulary().variables()));
    }

    @Test
    void aSpaceTimeDisk() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "heat-disk");
        m.put("variables", "t, x, y");
        m.put("fields", "u");
        m.put("geometry", "disk(0, 0, 1)");
        m.put("time", "0, 0.5");
        m.put("condition.pde.part", "interior");
        m.put("condition.pde.operator", "u_t - lap(u)");
        m.put("condition.init.part", "initial");
        m.put("condition.init.operator", "u");
        m.put("condition.init.source", "1 - x^2 - y^2");
        m.put("condition.wall.part", "boundary");
        m.put("condition.wall.operator", "dn(u)");
        Problem p = ProblemDeclaration.parse(m, "test");
        assertEquals(List.of(Geometry.INITIAL), p.domain().part("initial").geometryParts());
        assertEquals(0.5, p.domain().upper(0));
    }

    @Test
    void observationsFromACsvBesideTheDeclaration(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x, y, u\n");
        for (int i = 0; i < 20; i++) {
            csv.append(0.05 + 0.045 * i).append(", 0.1, ").append(i).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("probe.csv"), csv.toString());
        StringBuilder cfg = new StringBuilder();
        plate().forEach((k, v) -> cfg.append(k).append(" = ").append(v).append('\n'));
        cfg.append("condition.probe.data = probe.csv\ncondition.probe.validation = 0.25\ncondition.probe.weight = 10\n");
        java.nio.file.Path file = dir.resolve("plate.cfg");
        java.nio.file.Files.writeString(file, cfg.toString());
        Problem p = ProblemDeclaration.load(file);
        var probe = p.conditions().stream().filter(c -> c.name().equals("probe")).findFirst().orElseThrow();
        assertEquals(15, probe.data().length / 2);
        assertEquals(10, probe.weight());
        assertEquals(5, p.reference().orElseThrow().points().length / 2, "the held-out rows are the reference");
        java.nio.file.Files.writeString(file, cfg + "condition.probe.operator = u\n");
        GeopinnException e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.load(file));
        assertTrue(e.getMessage().contains("condition.probe.operator does not go with condition.probe.data"), e.getMessage());
    }

    @Test
    void refusals() {
        Map<String, Object> m = plate();
        m.put("lower", "0, 0");
        GeopinnException e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(m, "test"));
        assertEquals("declared problem 'plate-text' (test): lower and upper bound a box; with 'geometry' leave them out"
                + " (the geometry bounds itself)", e.getMessage());
        Map<String, Object> m2 = plate();
        m2.put("part.walls", "face y lower");
        e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(m2, "test"));
        assertTrue(e.getMessage().contains("on a geometry write 'interior' or 'geometry PART…'"), e.getMessage());
        Map<String, Object> m3 = plate();
        m3.put("geometry", "rectangle(0, 0, 1) - disk(0.5, 0.5, 0.2)");
        e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(m3, "test"));
        assertTrue(e.getMessage().contains("rectangle(…) takes 4 numbers, got 3"), e.getMessage());
        Map<String, Object> m4 = plate();
        m4.put("condition.hole.part", "inlet");
        e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(m4, "test"));
        assertTrue(e.getMessage().contains("domain part 'inlet' does not exist"), e.getMessage());
    }
}
