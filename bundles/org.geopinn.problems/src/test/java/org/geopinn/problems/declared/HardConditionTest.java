package org.geopinn.problems.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.BoundarySample;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.HardConstraint;
import org.geopinn.api.problem.Problem;
import org.geopinn.geometry.Shapes;
import org.geopinn.models.HardConstraintModel;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.optimizer.anagram.AnagramFactory;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.samplers.Samplers;
import org.junit.jupiter.api.Test;

/**
 * Hard Dirichlet conditions, u = g + φ·N: the transformed model's input derivatives (by Leibniz's
 * rule on Taylor jets) against finite differences, its parameter derivatives against the network's,
 * boundary values equal to g whatever θ, and a Poisson problem on a plate with a hole trained with
 * the outer edges hard.
 */
class HardConditionTest {
    private static final int[][] ORDERS = {{0, 0}, {1, 0}, {0, 1}, {2, 0}, {1, 1}, {0, 2}};

    /** A disk without a rectangle, every edge hard, g = sin(x)·y + x². */
    private static Problem diskMinusRectangle() {
        return ProblemBuilder.problem("hard-disk", "disk minus a rectangle")
                .domain(Shapes.disk(0.5, 0.5, 0.45).minus(Shapes.rectangle(0.4, 0.35, 0.65, 0.55).named("hole")), "x", "y")
                .field("u")
                .condition("pde", "interior", "-lap(u)", "1", 50)
                .condition("wall", "boundary", "u", "sin(x)*y + x^2", 50)
                .hard("wall")
                .build();
    }

    private static Model mlp(Problem p, int... hidden) {
        ModelSpec spec = new ModelSpec(p.domain().lower(), p.domain().upper(), p.vocabulary().fields(), hidden, "tanh", "xavier",
                false, true, Map.of());
        return StandardModels.create("mlp", spec);
    }

    private static double[] values(Model model, double[] theta, DerivativeRequest r, double[] points) {
        int n = points.length / 2;
        ModelEvaluator e = model.evaluator(r, n);
        e.forward(theta, points, n);
        return java.util.Arrays.copyOf(e.values(), r.size() * n);
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        Problem p = diskMinusRectangle();
        assertEquals(List.of("pde"), p.conditions().stream().map(Condition::name).toList(), "the hard condition leaves the loss");
        assertEquals(1, p.hardConstraints().size());
        Model model = HardConstraintModel.wrap(mlp(p, 8, 8), p.hardConstraints());
        double[] theta = model.initialParameters(3);
        for (int i = 0; i < theta.length; i++) {
            theta[i] *= 1.5; // away from the small initial outputs
        }
        Geometry g = p.domain().geometry().orElseThrow();
        double[] points = g.sampleInterior(20, 7);
        int n = 20;
        DerivativeRequest all = DerivativeRequest.of(2, List.of(ORDERS));
        DerivativeRequest first = DerivativeRequest.of(2, List.of(new int[] {1, 0}, new int[] {0, 1}));
        double[] u = values(model, theta, all, points);
        double h = 1e-5;
        double worst1 = 0;
        double worst2 = 0;
        for (int j = 0; j < 2; j++) {
            double[] plus = points.clone();
            double[] minus = points.clone();
            for (int i = 0; i < n; i++) {
                plus[2 * i + j] += h;
                minus[2 * i + j] -= h;
            }
            double[] up = values(model, theta, first, plus);
            double[] um = values(model, theta, first, minus);
            for (int i = 0; i < n; i++) {
                // first order from the values; second order from the exact first derivatives
                double fd1 = (up[i] - um[i]) / (2 * h);
                worst1 = Math.max(worst1, Math.abs(fd1 - u[(1 + j) * n + i]));
                double fdxj = (up[n + i] - um[n + i]) / (2 * h); // ∂/∂x_j of u_x
                double fdyj = (up[2 * n + i] - um[2 * n + i]) / (2 * h); // ∂/∂x_j of u_y
                int xj = all.indexOf(j == 0 ? new int[] {2, 0} : new int[] {1, 1});
                int yj = all.indexOf(j == 0 ? new int[] {1, 1} : new int[] {0, 2});
                worst2 = Math.max(worst2, Math.abs(fdxj - u[xj * n + i]));
                worst2 = Math.max(worst2, Math.abs(fdyj - u[yj * n + i]));
            }
        }
        assertTrue(worst1 < 1e-7, "first derivatives against central differences: " + worst1);
        assertTrue(worst2 < 1e-6, "second derivatives against central differences: " + worst2);

        // Parameter derivatives: J·v by tangent, Jᵀs by backward and by rows, against central differences in θ.
        ModelEvaluator e = model.evaluator(all, n);
        e.forward(theta, points, n);
        double[] v = new double[theta.length];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        double[] tangent = new double[all.size() * n];
        e.tangent(v, tangent);
        double eps = 1e-6;
        double[] tp = theta.clone();
        double[] tm = theta.clone();
        for (int i = 0; i < v.length; i++) {
            tp[i] += eps * v[i];
            tm[i] -= eps * v[i];
        }
        double[] up = values(model, tp, all, points);
        double[] um = values(model, tm, all, points);
        double worstTangent = 0;
        double scale = 0;
        for (int k = 0; k < tangent.length; k++) {
            worstTangent = Math.max(worstTangent, Math.abs((up[k] - um[k]) / (2 * eps) - tangent[k]));
            scale = Math.max(scale, Math.abs(tangent[k]));
        }
        assertTrue(worstTangent < 1e-6 * Math.max(1, scale), "tangent against differences in θ: " + worstTangent);
        double[] seeds = new double[all.size() * n];
        for (int k = 0; k < seeds.length; k++) {
            seeds[k] = random.nextDouble(-1, 1);
        }
        e.forward(theta, points, n);
        double[] gradient = new double[theta.length];
        e.backward(seeds, gradient);
        double[] rows = new double[n * theta.length];
        e.jacobianRows(seeds, rows, 0);
        double sv = 0;
        double gv = 0;
        for (int k = 0; k < seeds.length; k++) {
            sv += seeds[k] * tangent[k];
        }
        for (int q = 0; q < theta.length; q++) {
            gv += gradient[q] * v[q];
            double column = 0;
            for (int i = 0; i < n; i++) {
                column += rows[i * theta.length + q];
            }
            assertEquals(gradient[q], column, 1e-9 * Math.max(1, Math.abs(gradient[q])), "rows sum to the gradient");
        }
        assertEquals(sv, gv, 1e-9 * Math.max(1, Math.abs(sv)), "sᵀ(J v) = (Jᵀ s)ᵀ v");
    }

    @Test
    void boundaryValuesAreTheDataWhateverTheNetwork() {
        Problem p = diskMinusRectangle();
        HardConstraint hard = p.hardConstraints().get(0);
        Model model = HardConstraintModel.wrap(mlp(p, 8), p.hardConstraints());
        Geometry g = p.domain().geometry().orElseThrow();
        BoundarySample b = g.sampleBoundary(g.boundaryParts(), 200, 11);
        double[] points = b.points();
        int n = points.length / 2;
        double[] phi = new double[1];
        double[] inside = g.sampleInterior(200, 12);
        for (int i = 0; i < 200; i++) {
            hard.distance().derivatives(new double[] {inside[2 * i], inside[2 * i + 1]}, DerivativeRequest.valuesOnly(2), phi);
            assertTrue(phi[0] > 0, "φ is positive inside");
        }
        for (long seed = 0; seed < 3; seed++) {
            double[] u = values(model, model.initialParameters(seed), DerivativeRequest.valuesOnly(2), points);
            for (int i = 0; i < n; i++) {
                double x = points[2 * i];
                double y = points[2 * i + 1];
                assertEquals(Math.sin(x) * y + x * x, u[i], 1e-12, "u = g on the boundary at (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void aPoissonProblemOnAPlateWithAHoleTrainsWithHardOuterEdges() {
        // −Δu = 2π² sin πx sin πy, exact u = x² − y² + sin πx sin πy: g = x² − y² on the outer edges (hard),
        // the exact values on the hole (soft, a loss term).
        Problem p = ProblemBuilder.problem("hard-plate", "plate with a hole, outer edges hard")
                .domain(Shapes.rectangle(0, 0, 1, 1).minus(Shapes.disk(0.5, 0.5, 0.2).named("hole")), "x", "y")
                .field("u")
                .part("outer", "xmin", "xmax", "ymin", "ymax")
                .condition("pde", "interior", "-lap(u)", "2*pi^2*sin(pi*x)*sin(pi*y)", 300)
                .condition("outer", "outer", "u", "x^2 - y^2", 80)
                .condition("hole", "hole", "u", "x^2 - y^2 + sin(pi*x)*sin(pi*y)", 60)
                .hard("outer")
                .reference("x^2 - y^2 + sin(pi*x)*sin(pi*y)")
                .build();
        assertEquals(List.of("pde", "hole"), p.conditions().stream().map(Condition::name).toList());
        Model model = HardConstraintModel.wrap(mlp(p, 16), p.hardConstraints());
        Map<String, double[]> points = new LinkedHashMap<>();
        for (Condition c : p.conditions()) {
            points.put(c.name(), Samplers.create("sobol").sample(p.domain(), p.domain().part(c.part()), c.points(), 1,
                    c.samplerOptions()));
        }
        StackedResidualSystem system = StackedResidualSystem.build(p, model, points, LossScaling.MEAN, EvaluatorFactory.EXACT);
        double[] theta = model.initialParameters(0);
        Optimizer optimizer = new AnagramFactory().create(Map.of());
        for (int step = 0; step < 150; step++) {
            optimizer.step(system, theta);
        }
        Geometry g = p.domain().geometry().orElseThrow();
        double[] test = g.sampleInterior(2000, 99);
        int n = test.length / 2;
        double[] u = values(model, theta, DerivativeRequest.valuesOnly(2), test);
        double[] exact = new double[n];
        p.reference().orElseThrow().evaluate(test, n, exact);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (u[i] - exact[i]) * (u[i] - exact[i]);
            den += exact[i] * exact[i];
        }
        double error = Math.sqrt(num / den);
        System.out.println("hard plate: relative L2 error after 150 ANaGRAM steps " + error);
        assertTrue(error < 1e-3, "relative L2 error after 150 steps: " + error);
        BoundarySample outer = g.sampleBoundary(List.of("xmin", "xmax", "ymin", "ymax"), 200, 3);
        double[] ub = values(model, theta, DerivativeRequest.valuesOnly(2), outer.points());
        for (int i = 0; i < ub.length; i++) {
            double x = outer.points()[2 * i];
            double y = outer.points()[2 * i + 1];
            assertEquals(x * x - y * y, ub[i], 1e-12, "trained u = g on the outer edges");
        }
    }

    @Test
    void misfitsAreRefusedOnOneLine() {
        GeopinnException e = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("bad", "a Neumann condition made hard")
                .variable("x", 0, 1).variable("y", 0, 1).field("u")
                .condition("pde", "interior", "-lap(u)", "1", 10)
                .condition("edge", "boundary", "u_x", "0", 10)
                .hard("edge").build());
        assertTrue(e.getMessage().contains("hard condition 'edge': its operator must be a field itself"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("bad", "a subtracted part alone")
                .domain(Shapes.rectangle(0, 0, 1, 1).minus(Shapes.rectangle(0.4, 0.4, 0.6, 0.6).rename("xmin", "left")), "x", "y")
                .field("u")
                .condition("pde", "interior", "-lap(u)", "1", 10)
                .condition("left", "left", "u", 10)
                .hard("left").build());
        assertTrue(e.getMessage().contains("give the distance as text"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    @Test
    void aDeclarationMarksAConditionHardWithTheDomainsOrItsOwnDistance() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "hard-box");
        m.put("variables", "x, y");
        m.put("fields", "u");
        m.put("lower", "0, 0");
        m.put("upper", "1, 2");
        m.put("condition.pde.part", "interior");
        m.put("condition.pde.operator", "-lap(u)");
        m.put("condition.pde.source", "1");
        m.put("condition.wall.part", "boundary");
        m.put("condition.wall.operator", "u");
        m.put("condition.wall.source", "x + y");
        m.put("condition.wall.hard", "true");
        Problem p = ProblemDeclaration.parse(m, "hard-box.cfg");
        assertEquals(List.of("pde"), p.conditions().stream().map(Condition::name).toList());
        double[] phi = new double[1];
        p.hardConstraints().get(0).distance().derivatives(new double[] {0.5, 1}, DerivativeRequest.valuesOnly(2), phi);
        assertEquals(0.5 * 0.5 * 0.5 * 0.5, phi[0], 1e-15, "x(1−x)/1 · y(2−y)/4 at the centre");
        m.put("condition.wall.hard", "x*(1-x)*y*(2-y)");
        p = ProblemDeclaration.parse(m, "hard-box.cfg");
        p.hardConstraints().get(0).distance().derivatives(new double[] {0.5, 1}, DerivativeRequest.valuesOnly(2), phi);
        assertEquals(0.25, phi[0], 1e-15);
    }
}
