package org.geopinn.problems.declared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;

/** examples/cloud: a declared problem on a point cloud holds its conditions at fixed points of the cloud. */
class CloudExampleTest {
    private static final Path CLOUD = Path.of("../../examples/cloud");

    @Test
    void conditionsHoldAtFixedPointsOfTheCloud() {
        Problem p = ProblemDeclaration.load(CLOUD.resolve("org.geopinn.problems.declared-disk-cloud.cfg"));
        assertEquals(List.of("interior", "boundary", "outlet", "wall"),
                p.domain().parts().stream().map(d -> d.name()).toList());
        Condition pde = p.conditions().get(0);
        assertEquals(1000, pde.data().length / 2, "1000 of the 1200 interior points");
        Condition outlet = p.conditions().get(2);
        assertEquals("outlet", outlet.name());
        assertEquals(120, outlet.data().length / 2, "every outlet point: 120 of the 240 on the circle");
        for (int i = 0; i < 120; i++) {
            assertEquals(1.0, Math.hypot(outlet.data()[2 * i], outlet.data()[2 * i + 1]), 1e-12);
            assertTrue(outlet.data()[2 * i] > 0);
        }
        // reproducible: the same declaration gives the same points
        Problem again = ProblemDeclaration.load(CLOUD.resolve("org.geopinn.problems.declared-disk-cloud.cfg"));
        assertArrayEquals(pde.data(), again.conditions().get(0).data());
        // dn(u) reads the cloud's normals: on the circle the normal is the point itself
        double[] n = new double[2];
        p.domain().normal(new double[] {0.6, 0.8}, n);
        assertEquals(0.6, n[0], 0.02);
        assertEquals(0.8, n[1], 0.02);
    }

    @Test
    void aCloudGoesWithNeitherAShapeNorTime() {
        Map<String, Object> m = new HashMap<>(Map.of("id", "c", "variables", "x, y", "fields", "u",
                "cloud.interior", CLOUD.resolve("interior.csv").toString(), "cloud.boundary", CLOUD.resolve("boundary.csv").toString(),
                "condition.pde.part", "interior", "condition.pde.operator", "lap(u)"));
        m.put("geometry", "disk(0, 0, 1)");
        GeopinnException e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(m, "c.cfg"));
        assertTrue(e.getMessage().contains("either as geometry = … or as a point cloud"), e.getMessage());
        m.remove("geometry");
        m.remove("cloud.boundary");
        e = assertThrows(GeopinnException.class, () -> ProblemDeclaration.parse(m, "c.cfg"));
        assertTrue(e.getMessage().contains("cloud.boundary"), e.getMessage());
    }
}
