package org.geopinn.problem.builder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.geopinn.api.expr.Expr;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;

/**
 * A parametric coefficient is an input but not a coordinate of space: the box's faces k = 1 and
 * k = 4 are no boundary, so the outward normal (and with it dn(u)) must ignore them even where a
 * point is nearer to them than to a spatial face.
 */
class ParametricNormalTest {
    private static Problem problem() {
        return ProblemBuilder.problem("pk", "parametric Neumann").variable("x", 0, 1).variable("y", 0, 1).field("u")
                .parameter("k", 1, 4)
                .condition("pde", "interior", "-k*lap(u)", 20)
                .condition("edge", "boundary", "dn(u)", 20)
                .build();
    }

    @Test
    void theNormalOfABoxIgnoresTheParametricInput() {
        Problem p = problem();
        double[] n = new double[3];
        // 0.02 from the face y = 0, but only 0.001 from k = 1
        p.domain().normal(new double[] {0.5, 0.02, 1.001}, n);
        assertArrayEquals(new double[] {0, -1, 0}, n);
        p.domain().normal(new double[] {0.999, 0.5, 3.9999}, n);
        assertArrayEquals(new double[] {1, 0, 0}, n);
    }

    @Test
    void dnOnAParametricProblemIsTheSpatialNormalDerivative() {
        Problem p = problem();
        Expr dn = p.conditions().get(1).operator();
        // dn(u) = n_x u_x + n_y u_y; near the face y = 0 and nearer still to k = 1, n_y must be −1
        double[] point = {0.5, 0.02, 1.001};
        assertEquals(-1.0, component(dn, "n_y").function().value(point));
        assertEquals(0.0, component(dn, "n_x").function().value(point));
    }

    private static Expr.Coefficient component(Expr e, String name) {
        if (e instanceof Expr.Coefficient c && c.name().equals(name)) {
            return c;
        }
        java.util.List<Expr> children = e instanceof Expr.Sum s ? s.terms() : e instanceof Expr.Product pr ? pr.factors()
                : java.util.List.of();
        for (Expr child : children) {
            Expr.Coefficient found = component(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
