package org.geopinn.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.geometry.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every sampler draws from a domain given by a geometry: interior points inside it, boundary points on the named part. */
class GeometrySamplingTest {
    static final Geometry PLATE = Shapes.rectangle(0, 0, 1, 1).minus(Shapes.disk(0.5, 0.5, 0.2).named("hole"));

    static Domain plate() {
        return new Domain(List.of("x", "y"), PLATE, List.of(DomainPart.interior("interior"), DomainPart.geometry("hole", "hole"),
                DomainPart.geometry("outer", "xmin", "xmax", "ymin", "ymax"), DomainPart.geometry("boundary")));
    }

    static List<String> ids() {
        return Samplers.ids();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void interiorAndBoundaryPartsOfAPlateWithAHole(String id) {
        Sampler s = Samplers.create(id);
        Domain d = plate();
        double[] inside = s.sample(d, d.part("interior"), 400, 5, Map.of());
        int n = inside.length / 2;
        if (id.equals("grid")) {
            assertTrue(n > 300 && n < 520, "grid keeps about the count asked for: " + n);
        } else {
            assertEquals(400, n);
        }
        for (int i = 0; i < n; i++) {
            assertTrue(PLATE.signedDistance(new double[] {inside[2 * i], inside[2 * i + 1]}) < 0);
        }
        double[] hole = s.sample(d, d.part("hole"), 100, 5, Map.of());
        assertEquals(200, hole.length);
        for (int i = 0; i < 100; i++) {
            assertEquals(0.2, Math.hypot(hole[2 * i] - 0.5, hole[2 * i + 1] - 0.5), 1e-12);
        }
        double[] outer = s.sample(d, d.part("outer"), 100, 5, Map.of());
        for (int i = 0; i < 100; i++) {
            double x = outer[2 * i];
            double y = outer[2 * i + 1];
            assertTrue(x == 0 || x == 1 || y == 0 || y == 1);
        }
        assertArrayEquals(inside, s.sample(d, d.part("interior"), 400, 5, Map.of()), 0, "same seed, same points");
    }

    @Test
    void theMeasureOfGeometryPartsAndRefusals() {
        Domain d = plate();
        assertEquals(4, d.part("outer").measure(d), 1e-12);
        assertEquals(4 + 2 * Math.PI * 0.2, d.part("boundary").measure(d), 0.02);
        assertEquals(1 - Math.PI * 0.04, d.part("interior").measure(d), 0.01);
        GeopinnException e = assertThrows(GeopinnException.class, () -> Samplers.create("sobol").sample(d, d.part("hole"), 10, 1,
                Map.of("cluster.variable", "x")));
        assertTrue(e.getMessage().contains("clustering toward a face needs a box domain"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> new Domain(List.of("x", "y"), PLATE, List.of(DomainPart.geometry("in", "inlet"))));
        assertEquals("domain part 'in' names boundary part 'inlet'; the geometry's boundary parts are [xmin, xmax, ymin, ymax, hole]",
                e.getMessage());
        e = assertThrows(GeopinnException.class, () -> new Domain(List.of("x", "y"), PLATE, List.of(DomainPart.face("left", 0, false))));
        assertTrue(e.getMessage().startsWith("domain part 'left' is a box face but the domain is a geometry"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> new Domain(List.of("x", "y"), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.geometry("hole", "hole"))));
        assertTrue(e.getMessage().contains("the domain is a box"), e.getMessage());
    }

    @Test
    void theDomainContainsAndNormal() {
        Domain d = plate();
        assertTrue(d.contains(new double[] {0.1, 0.1}));
        assertTrue(!d.contains(new double[] {0.5, 0.5}));
        double[] n = new double[2];
        d.normal(new double[] {0.5, 0.3}, n);
        assertArrayEquals(new double[] {0, 1}, n, 1e-12); // on the hole, pointing into it
        Domain box = new Domain(List.of("t", "x"), new double[] {0, 0}, new double[] {1, 2}, List.of(DomainPart.interior("interior")));
        box.normal(new double[] {0.001, 1.9}, n); // nearest face of a spatial variable: x = 2, never t = 0
        assertArrayEquals(new double[] {0, 1}, n, 0);
    }
}
