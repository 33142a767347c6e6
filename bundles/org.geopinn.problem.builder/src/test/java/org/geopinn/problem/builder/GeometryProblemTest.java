package org.geopinn.problem.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.geometry.Shape;
import org.geopinn.geometry.Shapes;
import org.junit.jupiter.api.Test;

/** Problems on a geometry: implicit and declared parts, dn in conditions, clear errors. */
class GeometryProblemTest {
    private static final Shape PLATE = Shapes.rectangle(0, 0, 1, 1).minus(Shapes.disk(0.5, 0.5, 0.2).named("hole"));

    @Test
    void theGeometrysBoundaryPartsAreDomainParts() {
        Problem p = ProblemBuilder.problem("plate", "Poisson on a plate with a hole").domain(PLATE, "x", "y").field("u")
                .part("sides", "xmin", "xmax")
                .condition("pde", "interior", "lap(u)", "-1", 200)
                .condition("hole", "hole", "dn(u)", 50)
                .condition("robin", "sides", "u + 0.5*dn(u)", 40)
                .condition("walls", "ymin", "u", 40)
                .build();
        assertEquals(List.of("interior", "boundary", "xmin", "xmax", "ymin", "ymax", "hole", "sides"),
                p.domain().parts().stream().map(DomainPart::name).toList());
        assertEquals(List.of("xmin", "xmax", "ymin", "ymax", "hole"), p.domain().part("boundary").geometryParts());
        assertEquals(List.of("xmin", "xmax"), p.domain().part("sides").geometryParts());
        assertEquals(PLATE, p.domain().geometry().orElseThrow());
        assertEquals(0, p.domain().lower(0));
        assertEquals(1, p.domain().upper(1));
        assertEquals(2, p.domain().part("sides").measure(p.domain()), 1e-12);
    }

    @Test
    void aSpaceTimeProductHasItsInitialPart() {
        Problem p = ProblemBuilder.problem("heat-disk", "heat on a disk").domain(Shapes.disk(0, 0, 1).overTime(0, 1), "t", "x", "y")
                .field("u")
                .condition("pde", "interior", "u_t - lap(u)", 100)
                .condition("wall", "boundary", "dn(u)", 40)
                .condition("initial", "initial", "u", "1 - x^2 - y^2", 40)
                .build();
        assertEquals(List.of("boundary"), p.domain().part("boundary").geometryParts(), "the time faces are not the spatial boundary");
        assertEquals(List.of(Geometry.INITIAL), p.domain().part("initial").geometryParts());
    }

    @Test
    void mistakesAreOneLine() {
        GeopinnException e = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("plate", "p").domain(PLATE, "x", "y")
                .field("u").condition("inlet", "inlet", "u", 10).build());
        assertEquals("problem 'plate': condition 'inlet': domain part 'inlet' does not exist; parts are "
                + "[interior, boundary, xmin, xmax, ymin, ymax, hole]", e.getMessage());
        e = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("plate", "p").domain(PLATE, "x", "y")
                .part("in", "inlet").field("u").condition("c", "in", "u", 10).build());
        assertTrue(e.getMessage().contains("names boundary part 'inlet'"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("plate", "p").domain(PLATE, "x")
                .field("u").condition("c", "hole", "u", 10).build());
        assertEquals("problem 'plate': the geometry has dimension 2 but there are 1 variables [x]", e.getMessage());
        e = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("plate", "p").domain(PLATE, "x", "y")
                .variable("z", 0, 1).field("u").condition("c", "hole", "u", 10).build());
        assertTrue(e.getMessage().contains("not variable(name, min, max)"), e.getMessage());
    }
}
