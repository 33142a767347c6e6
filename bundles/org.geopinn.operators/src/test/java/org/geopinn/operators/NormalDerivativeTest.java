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
import org.geopinn.samplers.Samplers;
import org.junit.jupiter.api.Test;

/**
 * Neumann {@code dn(u)} and Robin {@code u + 0.5*dn(u)} residuals of a known function vanish at
 * boundary points drawn by the samplers, on a disk, a plate with a hole (normals into the hole) and
 * a box; with a wrong right-hand side they do not.
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

    /** The exact ∂u/∂n with the normal given by hand for the shape. */
    private static double maxResidual(ProblemBuilder builder, String part, java.util.function.BiConsumer<double[], double[]> normal,
            boolean wrongSource) {
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
            points.put(c.name(), Samplers.create("sobol").sample(problem.domain(), problem.domain().part(c.part()), c.points(), 3,
                    Map.of()));
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
        assertTrue(maxResidual(ProblemBuilder.problem("disk", "d").domain(disk, "x", "y"), "boundary", radial, false) < 1e-12);
        assertTrue(maxResidual(ProblemBuilder.problem("disk", "d").domain(disk, "x", "y"), "boundary", radial, true) > 5e-3);
    }

    @Test
    void onTheHoleOfAPlateTheNormalPointsIntoTheHole() {
        Shape plate = Shapes.rectangle(0, 0, 1, 1).minus(Shapes.disk(0.5, 0.5, 0.2).named("hole"));
        java.util.function.BiConsumer<double[], double[]> intoHole = (x, n) -> {
            double r = Math.hypot(x[0] - 0.5, x[1] - 0.5);
            n[0] = -(x[0] - 0.5) / r;
            n[1] = -(x[1] - 0.5) / r;
        };
        assertTrue(maxResidual(ProblemBuilder.problem("plate", "p").domain(plate, "x", "y"), "hole", intoHole, false) < 1e-12);
        java.util.function.BiConsumer<double[], double[]> right = (x, n) -> {
            n[0] = 1;
            n[1] = 0;
        };
        assertTrue(maxResidual(ProblemBuilder.problem("plate", "p").domain(plate, "x", "y"), "xmax", right, false) < 1e-12);
    }

    @Test
    void onABoxFace() {
        java.util.function.BiConsumer<double[], double[]> top = (x, n) -> {
            n[0] = 0;
            n[1] = 1;
        };
        ProblemBuilder box = ProblemBuilder.problem("box", "b").variable("x", 0, 1).variable("y", 0, 2).face("top", "y", true);
        assertTrue(maxResidual(box, "top", top, false) < 1e-12);
        ProblemBuilder wrong = ProblemBuilder.problem("box", "b").variable("x", 0, 1).variable("y", 0, 2).face("top", "y", true);
        assertEquals(0.01, maxResidual(wrong, "top", top, true), 1e-12);
    }
}
