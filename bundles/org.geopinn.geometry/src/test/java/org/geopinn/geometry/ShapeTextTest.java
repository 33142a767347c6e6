package org.geopinn.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;

/** Shapes read from text equal the same shapes built in Java; mistakes are one line with a column. */
class ShapeTextTest {
    @Test
    void aPlateWithAHole() {
        Shape s = ShapeText.parse("rectangle(0, 0, 1, 1) - disk(0.5, 0.5, 0.2) as hole");
        assertEquals(List.of("xmin", "xmax", "ymin", "ymax", "hole"), s.boundaryParts());
        assertEquals(-0.1, s.signedDistance(new double[] {0.5, 0.8}), 1e-12);
        assertEquals(0.2, s.signedDistance(new double[] {0.5, 0.5}), 1e-12);
    }

    @Test
    void transformationsOperatorsAndGrouping() {
        Shape s = ShapeText.parse("rename(translate(rotate(rectangle(0, 0, 2, 1), pi), 2, 1), ymax, inlet) & (disk(1, 0.5, 5) + triangle(0,0,1,0,0,1))");
        // rotating [0,2]×[0,1] by π about the origin and moving by (2, 1) gives back [0,2]×[0,1]; its old ymax is now at y = 0.
        assertEquals(-0.5, s.signedDistance(new double[] {1, 0.5}), 1e-12);
        assertEquals(List.of("xmin", "xmax", "ymin", "inlet", "boundary"), s.boundaryParts());
        double[] p = s.sampleBoundary(List.of("inlet"), 10, 1).points();
        for (int i = 0; i < 10; i++) {
            assertEquals(0, p[2 * i + 1], 1e-12);
        }
        Shape l = ShapeText.parse("scale(polygon(0,0, 2,0, 2,1, 1,1, 1,2, 0,2), 0.5)");
        assertEquals(0.75, l.volume(), 1e-12);
    }

    @Test
    void mistakesNameTheColumn() {
        assertEquals("geometry 'rectangle(0, 0, 1)', column 1: rectangle(…) takes 4 numbers, got 3",
                assertThrows(GeopinnException.class, () -> ShapeText.parse("rectangle(0, 0, 1)")).getMessage());
        assertEquals("geometry 'circle(0, 0, 1)', column 1: unknown shape 'circle'; shapes are interval, rectangle, box, disk, ball,"
                + " ellipse, polygon, triangle, tetrahedron, stl, translate, rotate, scale, rename",
                assertThrows(GeopinnException.class, () -> ShapeText.parse("circle(0, 0, 1)")).getMessage());
        assertEquals("geometry 'disk(0, 0, 1) $', column 15: unexpected '$'",
                assertThrows(GeopinnException.class, () -> ShapeText.parse("disk(0, 0, 1) $")).getMessage());
        String deep = "(".repeat(60) + "disk(0,0,1)" + ")".repeat(60);
        assertEquals(true, assertThrows(GeopinnException.class, () -> ShapeText.parse(deep)).getMessage().contains("deeper than 50"));
        assertThrows(GeopinnException.class, () -> ShapeText.parse("disk(0, 0, 1e999)"));
    }
}
