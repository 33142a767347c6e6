package org.geopinn.reproductions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.diagnostics.Charts;
import org.geopinn.diagnostics.TangentGreenFunction;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;

/**
 * {@code diagnose green}: the natural-gradient Green's function g_θ of a tanh MLP with the Dirichlet
 * condition built in (output factor {@code box-zero}) against the true Green's function, for 1-D
 * Poisson −u″ = f on [0, 1] (g(x, y) = min(x, y)(1 − max(x, y))) and 2-D Poisson −Δu = f on the
 * unit square (the sine series, summed in one variable in closed form). Relative L² distance for
 * growing width at initialisation, and along natural-gradient training of u = sin πx (sin πx sin πy).
 */
final class GreenExperiment {
    private static final double[] Y1 = {0.25, 0.5, 0.8};
    private static final double[] Y2 = {0.5, 0.5, 0.25, 0.7};

    /** One equation. */
    record Case(String id, String title, int dimension, int quadratureSide, int gridSide, double[] ys, PointFunction source) {
        Vocabulary vocabulary() {
            return new Vocabulary(dimension == 1 ? List.of("x") : List.of("x", "y"), List.of("u"));
        }

        Expr operator(Vocabulary v) {
            return v.laplacian("u").times(-1.0);
        }

        int yCount() {
            return ys.length / dimension;
        }

        /** Midpoints of a uniform grid: quadrature of weight 1/N on the unit box. */
        double[] quadrature() {
            return grid(quadratureSide, true);
        }

        /** Grid including the boundary, for pictures and distances. */
        double[] xs() {
            return grid(gridSide, false);
        }

        private double[] grid(int side, boolean midpoints) {
            int n = (int) Math.pow(side, dimension);
            double[] p = new double[n * dimension];
            for (int k = 0; k < n; k++) {
                int rest = k;
                for (int j = dimension - 1; j >= 0; j--) {
                    int i = rest % side;
                    rest /= side;
                    p[k * dimension + j] = midpoints ? (i + 0.5) / side : i / (double) (side - 1);
                }
            }
            return p;
        }

        double truth(double[] x, int xo, double[] y, int yo) {
            if (dimension == 1) {
                double a = Math.min(x[xo], y[yo]);
                double b = Math.max(x[xo], y[yo]);
                return a * (1 - b);
            }
            return square(x[xo], x[xo + 1], y[yo], y[yo + 1]);
        }
    }

    /**
     * The Green's function of −Δ on the unit square with zero Dirichlet data, as the sine series in
     * the first variable with the second summed in closed form:
     * g = Σ_m 2 sin(mπx₁) sin(mπy₁) sinh(mπ s) sinh(mπ(1 − t)) / (mπ sinh mπ), s = min, t = max of
     * (x₂, y₂); the sinh ratio is evaluated as exponentials so large m neither overflows nor cancels.
     */
    static double square(double x1, double x2, double y1, double y2) {
        double s = Math.min(x2, y2);
        double t = Math.max(x2, y2);
        double sum = 0;
        for (int m = 1; m <= 2000; m++) {
            double k = m * Math.PI;
            double ratio = Math.exp(k * (s - t)) * -Math.expm1(-2 * k * s) * -Math.expm1(-2 * k * (1 - t)) / (2 * -Math.expm1(-2 * k));
            double term = 2 * Math.sin(k * x1) * Math.sin(k * y1) * ratio / k;
            sum += term;
            if (m > 50 && Math.exp(k * (s - t)) < 1e-17) {
                break;
            }
        }
        return sum;
    }

    static Case poisson1d() {
        return new Case("poisson1d", "1-D Poisson −u″ = f on [0, 1]", 1, 400, 201, Y1, p -> Math.PI * Math.PI * Math.sin(Math.PI * p[0]));
    }

    static Case laplace2d() {
        return new Case("laplace2d", "2-D Poisson −Δu = f on [0, 1]²", 2, 40, 41, Y2,
                p -> 2 * Math.PI * Math.PI * Math.sin(Math.PI * p[0]) * Math.sin(Math.PI * p[1]));
    }

    /** Distances of one model state: one per y, and the model's relative L² error when trained. */
    record Distance(int width, int parameters, int step, int rank, double[] perY, double solutionError) {
        double mean() {
            double s = 0;
            for (double d : perY) {
                s += d;
            }
            return s / perY.length;
        }
    }

    private final long seed;
    private final double cutoff;

    GreenExperiment(long seed, double cutoff) {
        this.seed = seed;
        this.cutoff = cutoff;
    }

    static Model model(Case c, int width) {
        double[] lo = new double[c.dimension()];
        double[] hi = new double[c.dimension()];
        java.util.Arrays.fill(hi, 1);
        ModelSpec spec = new ModelSpec(lo, hi, List.of("u"), new int[] {width}, "tanh",
                "xavier", false, true, Map.of("output-factor", "box-zero"));
        return StandardModels.create("mlp", spec);
    }

    /** Relative L² distance over the x grid of g_θ(·, y_j) to the truth, per y. */
    Distance distance(Case c, Model model, double[] theta, int width, int step, double solutionError, TangentGreenFunction.Kernel[] keep) {
        Vocabulary v = c.vocabulary();
        TangentGreenFunction green = new TangentGreenFunction(model, v, c.operator(v));
        double[] xs = c.xs();
        TangentGreenFunction.Kernel k = green.evaluate(theta, c.quadrature(), 1, xs, c.ys(), cutoff);
        if (keep != null) {
            keep[0] = k;
        }
        int d = c.dimension();
        double[] perY = new double[c.yCount()];
        for (int j = 0; j < perY.length; j++) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < k.xCount(); i++) {
                double t = c.truth(xs, i * d, c.ys(), j * d);
                double e = k.values()[i * k.yCount() + j] - t;
                num += e * e;
                den += t * t;
            }
            perY[j] = Math.sqrt(num / den);
        }
        return new Distance(width, model.parameterCount(), step, k.rank(), perY, solutionError);
    }

    List<Distance> widths(Case c, int[] widths) {
        List<Distance> out = new ArrayList<>();
        for (int w : widths) {
            Model m = model(c, w);
            out.add(distance(c, m, m.initialParameters(seed), w, 0, Double.NaN, null));
        }
        return out;
    }

    /**
     * Natural-gradient (Gauss–Newton) training of the case's source with full steps halved until the
     * loss decreases, the same truncated pseudo-inverse as the kernel; distances at the listed steps.
     */
    List<Distance> training(Case c, int width, int[] atSteps, Path folder) {
        Vocabulary v = c.vocabulary();
        Model model = model(c, width);
        double[] theta = model.initialParameters(seed);
        double[] quad = c.quadrature();
        int n = quad.length / c.dimension();
        Domain domain = new Domain(v.variables(), new double[c.dimension()], ones(c.dimension()), List.of(DomainPart.interior("interior")));
        Condition pde = Condition.of("pde", "interior", c.operator(v), c.source(), n);
        Problem problem = new Pde(v, domain, pde);
        ResidualSystem system = StackedResidualSystem.build(problem, model, Map.of("pde", quad), LossScaling.MEASURE, EvaluatorFactory.EXACT);
        int p = system.parameterCount();
        double[] jac = new double[n * p];
        double[] r = new double[n];
        List<Distance> out = new ArrayList<>();
        int last = atSteps[atSteps.length - 1];
        TangentGreenFunction.Kernel[] k = new TangentGreenFunction.Kernel[1];
        for (int step = 0; step <= last; step++) {
            if (java.util.Arrays.binarySearch(atSteps, step) >= 0) {
                out.add(distance(c, model, theta, width, step, solutionError(c, model, theta), k));
                if (folder != null && (step == 0 || step == last)) {
                    pictures(c, k[0], folder, "step" + step);
                }
            }
            if (step == last) {
                break;
            }
            system.jacobian(theta, jac);
            system.residuals(theta, r);
            TruncatedSvdSolver solver = new TruncatedSvdSolver(jac, n, p);
            double[] sv = solver.singularValues();
            int keep = 0;
            while (keep < sv.length && sv[keep] > 0 && sv[keep] >= cutoff * sv[0]) {
                keep++;
            }
            double[] delta = solver.solve(r, keep);
            double loss = system.loss(theta);
            double eta = 1;
            double[] trial = new double[p];
            for (int tries = 0; tries < 30; tries++, eta *= 0.5) {
                for (int q = 0; q < p; q++) {
                    trial[q] = theta[q] - eta * delta[q];
                }
                if (system.loss(trial) < loss) {
                    System.arraycopy(trial, 0, theta, 0, p);
                    break;
                }
            }
        }
        return out;
    }

    /** Relative L² error of the trained u against sin πx (times sin πy) on the x grid. */
    private static double solutionError(Case c, Model model, double[] theta) {
        Vocabulary v = c.vocabulary();
        double[] xs = c.xs();
        int d = c.dimension();
        int n = xs.length / d;
        Domain domain = new Domain(v.variables(), new double[d], ones(d), List.of(DomainPart.interior("interior")));
        Condition values = Condition.of("u", "interior", v.field("u"), q -> 0, n);
        ResidualSystem s = StackedResidualSystem.build(new Pde(v, domain, values), model, Map.of("u", xs), LossScaling.SUM, EvaluatorFactory.EXACT);
        double[] u = new double[n];
        s.residuals(theta, u);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double t = 1;
            for (int j = 0; j < d; j++) {
                t *= Math.sin(Math.PI * xs[i * d + j]);
            }
            num += (u[i] - t) * (u[i] - t);
            den += t * t;
        }
        return Math.sqrt(num / den);
    }

    private static double[] ones(int d) {
        double[] o = new double[d];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    /** Pictures of g_θ(·, y_j) against the truth: line charts in 1-D, heat maps in 2-D. */
    void pictures(Case c, TangentGreenFunction.Kernel k, Path folder, String tag) {
        double[] xs = c.xs();
        int d = c.dimension();
        if (d == 1) {
            List<Charts.Series> series = new ArrayList<>();
            for (int j = 0; j < k.yCount(); j++) {
                double[] truth = new double[k.xCount()];
                for (int i = 0; i < truth.length; i++) {
                    truth[i] = c.truth(xs, i, c.ys(), j);
                }
                String y = String.format(Locale.ROOT, "%.2f", c.ys()[j]);
                series.add(new Charts.Series("g_θ(·, " + y + ")", xs, k.column(j)));
                series.add(new Charts.Series("true g(·, " + y + ")", xs, truth));
            }
            Charts.lineChart(folder.resolve("green-" + c.id() + "-" + tag + ".png"), c.title() + ": natural-gradient Green's function, " + tag, "x",
                    "g(x, y)", false, false, series);
            return;
        }
        int side = c.gridSide();
        for (int j = 0; j < k.yCount(); j++) {
            double[] col = k.column(j);
            double[] truth = new double[col.length];
            for (int i = 0; i < col.length; i++) {
                truth[i] = c.truth(xs, i * d, c.ys(), j * d);
            }
            String y = String.format(Locale.ROOT, "(%.2f, %.2f)", c.ys()[j * d], c.ys()[j * d + 1]);
            String name = "green-" + c.id() + "-y" + j + "-";
            Charts.heatMap(folder.resolve(name + tag + ".png"), "g_θ(·, " + y + "), " + tag, flipRows(col, side), side, side);
            Charts.heatMap(folder.resolve(name + "true.png"), "true g(·, " + y + ")", flipRows(truth, side), side, side);
        }
    }

    /** Grid values indexed (x, y) as a picture with y upwards: row = side − 1 − y index, column = x index. */
    private static double[] flipRows(double[] v, int side) {
        double[] out = new double[v.length];
        for (int ix = 0; ix < side; ix++) {
            for (int iy = 0; iy < side; iy++) {
                out[(side - 1 - iy) * side + ix] = v[ix * side + iy];
            }
        }
        return out;
    }

    /** Markdown table of distances. */
    static void table(String title, List<Distance> rows, Case c, PrintStream out) {
        out.println();
        out.println("### " + title);
        StringBuilder h = new StringBuilder("| width | P | step | rank of G | ");
        for (int j = 0; j < c.yCount(); j++) {
            h.append(c.dimension() == 1 ? String.format(Locale.ROOT, "y = %.2f | ", c.ys()[j])
                    : String.format(Locale.ROOT, "y = (%.2f, %.2f) | ", c.ys()[2 * j], c.ys()[2 * j + 1]));
        }
        h.append("u error |");
        out.println(h);
        out.println("|---|---|---|---|" + "---|".repeat(c.yCount()) + "---|");
        for (Distance d : rows) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "| %d | %d | %d | %d | ", d.width(), d.parameters(), d.step(), d.rank()));
            for (double v : d.perY()) {
                b.append(String.format(Locale.ROOT, "%.3e | ", v));
            }
            b.append(Double.isNaN(d.solutionError()) ? "– |" : String.format(Locale.ROOT, "%.2e |", d.solutionError()));
            out.println(b);
        }
    }

    private record Pde(Vocabulary vocabulary, Domain domain, Condition pde) implements Problem {
        @Override
        public String id() {
            return "green-poisson";
        }

        @Override
        public String description() {
            return "Poisson with the Dirichlet condition built into the model";
        }

        @Override
        public List<Condition> conditions() {
            return List.of(pde);
        }
    }
}
