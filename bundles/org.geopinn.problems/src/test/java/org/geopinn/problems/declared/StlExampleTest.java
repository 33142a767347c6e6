package org.geopinn.problems.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;

/** The STL example (examples/stl, l-prism) reads its surface from the declaration's folder: a closed L-shaped prism of volume 3. */
class StlExampleTest {
    @Test
    void theLPrismIsReadFromItsStlFile() {
        Problem p = ProblemDeclaration.load(Path.of("../../examples/stl/org.geopinn.problems.declared-l-prism.cfg"));
        Geometry g = p.domain().geometry().orElseThrow();
        assertEquals(3, g.dimension());
        assertEquals(3, g.volume(), 1e-12);
        assertEquals(2 * 3 + 8, g.boundaryMeasure("boundary"), 1e-12, "two L caps of area 3 and walls of total length 8");
        assertTrue(g.contains(new double[] {1.5, 0.5, 0.5}));
        assertFalse(g.contains(new double[] {1.5, 1.5, 0.5}), "the notch is outside");
        assertEquals(-0.25, g.signedDistance(new double[] {0.5, 1.5, 0.25}), 1e-15);
        double[] n = new double[3];
        g.normal(new double[] {1.6, 1.05, 0.5}, n);
        assertEquals(1, n[1], 1e-15, "the notch's floor y = 1 faces +y");
    }
}
