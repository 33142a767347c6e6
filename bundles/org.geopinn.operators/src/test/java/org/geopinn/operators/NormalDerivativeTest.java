package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.geometry.Shape;
import org.geopinn.geometry.Shapes;
import org.geopinn.problem.builder.ProblemBuilder;
import org.junit.jupiter.api.Test;

/**
 * Neumann {@code dn(u)} and Robin {@code u + 0.5*dn(u)} residuals of a known function vanish at
 * points of a boundary part, on a disk, a plate with a hole (normals into the hole) and a box; with a
 * wrong right-hand side they do not. The points are given along each part by hand (the samplers'
 * own tests cover drawing them), so that this bundle's tests do not depend on the samplers.
 */
class NormalDerivativeTest {
    /** u(x, y) = a·sin(ω₀x + ω₁y + b): one sine feature, parameters in the model's layout order. */
    private static final double[] THETA = {1.3, -0.7, 0.4, 0.9};

    private static double u(double[] x) {
        return THETA[3] * Math.sin(THETA[0] * x[0] + THETA[1] * x[1] + THETA[2]);
    }

    private static double gradDot(double[] x, double[] n) {
        double c = THETA[3] * Math.cos(THETA[0] * x[0] + THETA[1] * x[1] + THETA[2]);
        return c * (THETA[0] * n[0] + THETA[1] * n[1]);
    }

    /** @return the point at turn t of the circle of centre (cx, cy) and radius r */
    private static double[] circle(double cx, double cy, double r, double t) {
        return new double[] {cx + r * Math.cos(2 * Math.PI * t), cy + r * Math.sin(2 * Math.PI * t)};
    }

    /** The exact ∂u/∂n with the normal given by hand for the shape; the part's points are {@code along(t)}, t ∈ [0, 1). */
    private static double maxResidual(ProblemBuilder builder, String part, java.util.function.DoubleFunction<double[]> along,
            java.util.function.BiConsumer<double[], double[]> normal, boolean wrongSource) {
        PointFunction neumann = x -> {
            double[] n = new double[2];
            normal.accept(x, n);
            return gradDot(x, n) + (wrongSource ? 0.01 : 0);
        };
        PointFunction robin = x -> {
            double[] n = new double[2];
            normal.accept(x, n);
            return u(x) + 0.5 * gradDot(x, n);
        };
        Problem problem = builder.field("u")
                .condition("neumann", part, "dn(u)", neumann, 200)
                .condition("robin", part, "u + 0.5*dn(u)", robin, 200)
                .build();
        Map<String, double[]> points = new LinkedHashMap<>();
        for (Condition c : problem.conditions()) {
            double[] xy = new double[2 * c.points()];
            for (int i = 0; i < c.points(); i++) {
                System.arraycopy(along.apply((i + 0.5) / c.points()), 0, xy, 2 * i, 2);
            }
            points.put(c.name(), xy);
        }
        SineFeatureModel model = new SineFeatureModel(problem.domain().lower(), problem.domain().upper(), List.of("u"), 1);
        StackedResidualSystem rs = StackedResidualSystem.build(problem, model, points, LossScaling.SUM, EvaluatorFactory.EXACT, 1);
        double[] r = new double[rs.residualCount()];
        rs.residuals(THETA, r);
        double max = 0;
        for (double v : r) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Test
    void onADisk() {
        Shape disk = Shapes.disk(0.2, -0.1, 0.8);
        java.util.function.BiConsumer<double[], double[]> radial = (x, n) -> {
            double r = Math.hypot(x[0] - 0.2, x[1] + 0.1);
            n[0] = (x[0] - 0.2) / r;
            n[1] = (x[1] + 0.1) / r;
        };
        java.util.function.DoubleFunction<double[]> circle = t -> circle(0.2, -0.1, 0.8, t);
        assertTrue(maxResidual(ProblemBuilder.problem("disk", "d").domain(disk, "x", "y"), "boundary", circle, radial, false) < 1e-12);
        assertTrue(maxResidual(ProblemBuilder.problem("disk", "d").domain(disk, "x", "y"), "boundary", circle, radial, true) > 5e-3);
    }

    @Test
    void onTheHoleOfAPlateTheNormalPointsIntoTheHole() {
        Shape plate = Shapes.rectangle(0, 0, 1, 1).minus(Shapes.disk(0.5, 0.5, 0.2).named("hole"));
        java.util.function.BiConsumer<double[], double[]> intoHole = (x, n) -> {
            double r = Math.hypot(x[0] - 0.5, x[1] - 0.5);
            n[0] = -(x[0] - 0.5) / r;
            n[1] = -(x[1] - 0.5) / r;
        };
        assertTrue(maxResidual(ProblemBuilder.problem("plate", "p").domain(plate, "x", "y"), "hole", t -> circle(0.5, 0.5, 0.2, t), intoHole, false) < 1e-12);
        java.util.function.BiConsumer<double[], double[]> right = (x, n) -> {
            n[0] = 1;
            n[1] = 0;
        };
        assertTrue(maxResidual(ProblemBuilder.problem("plate", "p").domain(plate, "x", "y"), "xmax", t -> new double[] {1, t}, right, false) < 1e-12);
    }

    @Test
    void onABoxFace() {
        java.util.function.BiConsumer<double[], double[]> top = (x, n) -> {
            n[0] = 0;
            n[1] = 1;
        };
        ProblemBuilder box = ProblemBuilder.problem("box", "b").variable("x", 0, 1).variable("y", 0, 2).face("top", "y", true);
        assertTrue(maxResidual(box, "top", t -> new double[] {t, 2}, top, false) < 1e-12);
        ProblemBuilder wrong = ProblemBuilder.problem("box", "b").variable("x", 0, 1).variable("y", 0, 2).face("top", "y", true);
        assertEquals(0.01, maxResidual(wrong, "top", t -> new double[] {t, 2}, top, true), 1e-12);
    }
}
