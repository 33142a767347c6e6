package org.geopinn.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.Geometry;
import org.junit.jupiter.api.Test;

/** Inside/outside, signed distances, normals and measures of primitives and combinations against hand values. */
class ShapesTest {
    private static final double EPS = 1e-12;
    private static final double R2 = Math.sqrt(0.5);

    static double sd(Geometry g, double... x) {
        return g.signedDistance(x);
    }

    @Test
    void intervalAndBoxes() {
        Shape interval = Shapes.interval(1, 3);
        assertEquals(-1, sd(interval, 2), EPS);
        assertEquals(1, sd(interval, 0), EPS);
        assertEquals(List.of("xmin", "xmax"), interval.boundaryParts());
        assertEquals(1, interval.boundaryMeasure("xmin"), EPS);
        Shape rect = Shapes.rectangle(0, 0, 2, 1);
        assertEquals(-0.5, sd(rect, 1, 0.5), EPS);
        assertEquals(-0.2, sd(rect, 0.2, 0.5), EPS);
        assertEquals(1, sd(rect, 3, 0.5), EPS);
        assertEquals(Math.sqrt(2), sd(rect, 3, 2), EPS);
        assertEquals(0, sd(rect, 2, 0.3), EPS);
        assertTrue(rect.contains(new double[] {2, 0.3}));
        assertFalse(rect.contains(new double[] {2.001, 0.3}));
        assertEquals(2, rect.volume(), EPS);
        assertEquals(2, rect.boundaryMeasure("ymax"), EPS);
        assertEquals(1, rect.boundaryMeasure("xmin"), EPS);
        assertNormal(rect, new double[] {2, 0.3}, 1, 0);
        assertNormal(rect, new double[] {1, 0}, 0, -1);
        assertNormal(rect, new double[] {3, 2}, R2, R2);
        Shape cube = Shapes.box(new double[] {0, 0, 0}, new double[] {1, 1, 1});
        assertEquals(-0.5, sd(cube, 0.5, 0.5, 0.5), EPS);
        assertEquals(Math.sqrt(3), sd(cube, 2, 2, 2), EPS);
        assertEquals(List.of("xmin", "xmax", "ymin", "ymax", "zmin", "zmax"), cube.boundaryParts());
    }

    @Test
    void ballsAndEllipses() {
        Shape disk = Shapes.disk(0, 0, 1);
        assertEquals(-1, sd(disk, 0, 0), EPS);
        assertEquals(1, sd(disk, 2, 0), EPS);
        assertEquals(0, sd(disk, 0.6, 0.8), EPS);
        assertEquals(Math.PI, disk.volume(), EPS);
        assertEquals(2 * Math.PI, disk.boundaryMeasure("boundary"), EPS);
        assertNormal(disk, new double[] {3, 4}, 0.6, 0.8);
        Shape ball = Shapes.ball(new double[] {1, 1, 1}, 2);
        assertEquals(-2, sd(ball, 1, 1, 1), EPS);
        assertEquals(4 * Math.PI * 4, ball.boundaryMeasure("boundary"), 1e-11);
        assertEquals(4.0 / 3 * Math.PI * 8, ball.volume(), 1e-11);

        Shape ellipse = Shapes.ellipse(0, 0, 2, 1);
        assertEquals(-1, sd(ellipse, 0, 0), EPS);
        assertEquals(1, sd(ellipse, 3, 0), EPS);
        assertEquals(2, sd(ellipse, 0, 3), EPS);
        assertEquals(-0.5, sd(ellipse, 0, 0.5), EPS);
        assertEquals(0, sd(ellipse, Math.sqrt(2), Math.sqrt(0.5)), EPS);
        assertEquals(2 * Math.PI, ellipse.volume(), EPS);
        // Perimeter of the 2:1 ellipse: 4a E(e²=3/4) = 9.688448220547675…
        assertEquals(9.688448220547675, ellipse.boundaryMeasure("boundary"), 1e-12);
        // A general point against the distance to 10⁶ points of the boundary.
        double[] x = {1.3, 1.7};
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 1_000_000; k++) {
            double t = 2 * Math.PI * k / 1_000_000;
            best = Math.min(best, Math.hypot(x[0] - 2 * Math.cos(t), x[1] - Math.sin(t)));
        }
        assertEquals(best, sd(ellipse, x), 1e-9);
        assertNormal(ellipse, new double[] {5, 0}, 1, 0);
        assertNormal(ellipse, new double[] {0, -0.5}, 0, -1);
    }

    @Test
    void polygonsAndTriangles() {
        Shape l = lShape();
        assertEquals(-0.5, sd(l, 0.5, 0.5), EPS);
        assertEquals(-0.5, sd(l, 1.5, 0.5), EPS);
        assertEquals(-0.5, sd(l, 0.5, 1.5), EPS);
        assertEquals(0.5, sd(l, 1.5, 1.5), EPS); // in the notch: the edges y = 1 and x = 1 are 0.5 away
        assertEquals(0.2, sd(l, 1.2, 1.5), EPS);
        assertEquals(1, sd(l, 3, 0.5), EPS);
        assertFalse(l.contains(new double[] {1.5, 1.5}));
        assertEquals(3, l.volume(), EPS);
        assertEquals(8, l.boundaryMeasure("boundary"), EPS);
        assertNormal(l, new double[] {1.5, 1}, 0, 1);
        assertNormal(l, new double[] {1, 1.5}, 1, 0);
        Shape t = Shapes.triangle(0, 0, 0, 1, 1, 0); // clockwise on purpose
        assertEquals(-0.25, sd(t, 0.25, 0.25), EPS);
        assertEquals(R2, sd(t, 1, 1), EPS);
        assertEquals(0.5, t.volume(), EPS);
        assertNormal(t, new double[] {0.5, 0.5}, R2, R2);
        assertNormal(t, new double[] {0.5, 0}, 0, -1);
        Shape named = Shapes.polygon(List.of("bottom", "wall", "wall", "top"), 0, 0, 1, 0, 1, 1, 0, 1);
        assertEquals(List.of("bottom", "wall", "top"), named.boundaryParts());
        assertEquals(2, named.boundaryMeasure("wall"), EPS);
        // The same square given clockwise keeps each name on its edge.
        Shape reversed = Shapes.polygon(List.of("left", "top", "right", "bottom"), 0, 0, 0, 1, 1, 1, 1, 0);
        double[] p = reversed.sampleBoundary(List.of("top"), 20, 3).points();
        for (int i = 0; i < 20; i++) {
            assertEquals(1, p[2 * i + 1], EPS);
        }
        assertThrows(GeopinnException.class, () -> Shapes.polygon(0, 0, 1, 1, 1, 0, 0, 1)); // a bow tie
        assertThrows(GeopinnException.class, () -> Shapes.polygon(0, 0, 1, 1));
    }

    @Test
    void booleans() {
        Shape plate = plateWithHole();
        assertEquals(List.of("xmin", "xmax", "ymin", "ymax", "hole"), plate.boundaryParts());
        assertEquals(0.2, sd(plate, 0.5, 0.5), EPS);
        assertFalse(plate.contains(new double[] {0.5, 0.5}));
        assertEquals(-0.1, sd(plate, 0.5, 0.8), EPS);
        assertEquals(-0.05, sd(plate, 0.05, 0.5), EPS);
        assertNormal(plate, new double[] {0.5, 0.75}, 0, -1); // on the hole: pointing into the hole
        assertNormal(plate, new double[] {0, 0.5}, -1, 0);
        assertEquals(1 - Math.PI * 0.04, plate.volume(), 0.01);
        assertEquals(2 * Math.PI * 0.2, plate.boundaryMeasure("hole"), 0.01);

        Shape union = Shapes.disk(0, 0, 1).union(Shapes.disk(1.5, 0, 1));
        assertEquals(0.5, sd(union, 3, 0), EPS);
        assertEquals(-1, sd(union, 0, 0), EPS);
        assertTrue(union.contains(new double[] {0.75, 0}));
        Shape lens = Shapes.disk(0, 0, 1).intersect(Shapes.disk(1, 0, 1));
        assertEquals(-0.5, sd(lens, 0.5, 0), EPS);
        assertEquals(2, sd(lens, 3, 0), EPS);
        assertFalse(lens.contains(new double[] {-0.5, 0}));
        // Lens area: 2r²acos(d/2r) − (d/2)√(4r² − d²) with r = d = 1.
        assertEquals(2 * Math.acos(0.5) - 0.5 * Math.sqrt(3), lens.volume(), 0.02);
        // Each arc of the lens spans 120°.
        assertEquals(2 * (2 * Math.PI / 3), lens.boundaryMeasure("boundary"), 0.04);
    }

    @Test
    void transformations() {
        Shape turned = Shapes.rectangle(0, 0, 2, 1).rotate(Math.PI / 2);
        assertEquals(-0.5, sd(turned, -0.5, 1), EPS);
        assertEquals(1, sd(turned, 1, 1), EPS);
        assertNormal(turned, new double[] {0, 1}, 1, 0); // the old bottom face now faces +x
        assertEquals(0, turned.upper()[0], EPS); // bounding box [−1, 0] × [0, 2]
        assertEquals(-1, turned.lower()[0], EPS);
        assertEquals(2, turned.upper()[1], EPS);
        Shape big = Shapes.disk(0, 0, 1).scale(2);
        assertEquals(1, sd(big, 3, 0), EPS);
        assertEquals(4 * Math.PI, big.boundaryMeasure("boundary"), EPS);
        assertEquals(4 * Math.PI, big.volume(), EPS);
        Shape moved = Shapes.disk(0, 0, 1).translate(1, 1);
        assertEquals(-1, sd(moved, 1, 1), EPS);
        Shape about = Shapes.rectangle(0, 0, 2, 2).rotate(Math.PI / 4, 1, 1); // a diamond centred at (1, 1)
        assertEquals(-1, sd(about, 1, 1), EPS);
        assertEquals(0, sd(about, 1, 1 + Math.sqrt(2)), EPS);
        Shape renamed = Shapes.rectangle(0, 0, 1, 1).rename("xmin", "inlet").rename("xmax", "outlet");
        assertEquals(List.of("inlet", "outlet", "ymin", "ymax"), renamed.boundaryParts());
        Shape walls = Shapes.rectangle(0, 0, 1, 1).rename("ymin", "wall").rename("ymax", "wall");
        assertEquals(2, walls.boundaryMeasure("wall"), EPS);
    }

    @Test
    void timeProducts() {
        Shape st = Shapes.disk(0, 0, 1).overTime(0, 2);
        assertEquals(3, st.dimension());
        assertEquals(List.of(Geometry.INITIAL, Geometry.FINAL, "boundary"), st.boundaryParts());
        assertEquals(-0.5, sd(st, 0.5, 0, 0), EPS);
        assertEquals(-1, sd(st, 1, 0, 0), EPS);
        assertEquals(Math.hypot(1, 1), sd(st, 3, 2, 0), EPS);
        assertEquals(2 * Math.PI, st.volume(), EPS);
        assertEquals(Math.PI, st.boundaryMeasure(Geometry.INITIAL), EPS);
        assertEquals(4 * Math.PI, st.boundaryMeasure("boundary"), EPS);
        assertNormal(st, new double[] {0, 0.1, 0}, -1, 0, 0);
        assertNormal(st, new double[] {1, 0, 1}, 0, 0, 1);
        assertThrows(GeopinnException.class, () -> Shapes.disk(0, 0, 1).named(Geometry.INITIAL).overTime(0, 1));
    }

    @Test
    void badInputIsOneClearError() {
        GeopinnException e = assertThrows(GeopinnException.class, () -> Shapes.disk(0, 0, -1));
        assertEquals("ball radius must be positive and finite, got -1.0", e.getMessage());
        e = assertThrows(GeopinnException.class, () -> Shapes.disk(0, 0, 1).union(Shapes.interval(0, 1)));
        assertEquals("cannot combine shapes of dimensions 2 and 1", e.getMessage());
        e = assertThrows(GeopinnException.class, () -> plateWithHole().sampleBoundary(List.of("inlet"), 5, 1));
        assertEquals("no boundary part 'inlet'; the shape's boundary parts are [xmin, xmax, ymin, ymax, hole]", e.getMessage());
        assertThrows(GeopinnException.class, () -> Shapes.rectangle(0, 0, 1, 1).rotate(0.1, 0, 0, 0));
    }

    static Shape lShape() {
        return Shapes.polygon(0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2);
    }

    static Shape plateWithHole() {
        return Shapes.rectangle(0, 0, 1, 1).minus(Shapes.disk(0.5, 0.5, 0.2).named("hole"));
    }

    static void assertNormal(Geometry g, double[] x, double... expected) {
        double[] n = new double[expected.length];
        g.normal(x, n);
        for (int j = 0; j < n.length; j++) {
            assertEquals(expected[j], n[j], 1e-12, "normal component " + j);
        }
    }
}
