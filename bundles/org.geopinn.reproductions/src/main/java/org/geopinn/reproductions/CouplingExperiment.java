package org.geopinn.reproductions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.diagnostics.Charts;
import org.geopinn.diagnostics.ReportFiles;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.problems.library.Thermoelastic1d;

/**
 * The coupling study's theory check on linearly coupled thermoelasticity, the problem
 * {@code thermoelastic1d} with κ = E = 1 built for each coupling γ ({@link Thermoelastic1d#define}),
 * one tanh network per field (an MLP of one hidden layer, inputs not normalised, the same
 * parameters for every γ): λ_max of the empirical NTK grows like γ², while λ_max(K_P) of the
 * block-diagonal Gauss–Newton preconditioned NTK equals the number of networks for every γ. Both
 * are measured by the {@code ntk} and {@code pntk} diagnostics themselves.
 */
final class CouplingExperiment {
    /** One γ. */
    record Row(double gamma, double lambdaNtk, double lambdaPreconditioned, double networks, double conditionEffective) {
    }

    private final long seed;
    private final int width;
    private final int interiorPoints;
    private final double cutoff;
    private final Diagnostic ntk;
    private final Diagnostic pntk;

    /**
     * @param cutoff relative pseudo-inverse cut-off of the preconditioned NTK; NaN for the diagnostic's default
     * @param ntk the {@code ntk} diagnostic
     * @param pntk the {@code pntk} diagnostic
     */
    CouplingExperiment(long seed, int width, int interiorPoints, double cutoff, Diagnostic ntk, Diagnostic pntk) {
        this.seed = seed;
        this.width = width;
        this.interiorPoints = interiorPoints;
        this.cutoff = cutoff;
        this.ntk = ntk;
        this.pntk = pntk;
    }

    List<Row> run(double[] gammas) {
        Model model = model(width);
        double[] theta = initialParameters(model, seed);
        List<Row> rows = new ArrayList<>();
        Map<String, Object> options = Map.of("kernelSize", 0);
        Map<String, Object> preconditioned = Double.isNaN(cutoff) ? options : Map.of("kernelSize", 0, "cutoff", cutoff);
        for (double gamma : gammas) {
            ResidualSystem system = system(gamma, model, interiorPoints);
            DiagnosticReport k = ntk.run(system, theta, options);
            DiagnosticReport kp = pntk.run(system, theta, preconditioned);
            rows.add(new Row(gamma, k.scalars().get("lambda_max"), kp.scalars().get("lambda_max"), kp.scalars().get("networks"),
                    k.scalars().get("condition_effective")));
        }
        return rows;
    }

    /** One tanh network of one hidden layer per field (T, u) of x ∈ [0, 1], fed x itself (not normalised). */
    static Model model(int width) {
        return StandardModels.create("mlp", new ModelSpec(new double[] {0}, new double[] {1}, List.of("T", "u"), new int[] {width}, "tanh",
                "xavier", true, false, Map.of()));
    }

    /**
     * The residual system of {@code thermoelastic1d} (κ = E = 1, coupling γ) on n evenly spaced
     * interior points per PDE and the two end points per field, rows scaled as {@link LossScaling#MEAN}.
     */
    static ResidualSystem system(double gamma, Model model, int interiorPoints) {
        double[] inside = new double[interiorPoints];
        for (int i = 0; i < interiorPoints; i++) {
            inside[i] = (i + 1.0) / (interiorPoints + 1);
        }
        Map<String, double[]> points = Map.of("pde-T", inside, "pde-u", inside.clone(), "boundary-T", new double[] {0, 1},
                "boundary-u", new double[] {0, 1});
        return StackedResidualSystem.build(Thermoelastic1d.define(gamma, 1, 1), model, points, LossScaling.MEAN, EvaluatorFactory.EXACT);
    }

    /**
     * Hidden weights w ~ N(0, 3²), hidden biases b ~ N(0, 1), output weights a ~ N(0, 1/m) and
     * output bias c = 0 for each network, drawn from one seed in the order (w_j, b_j, a_j) per
     * neuron: wide-spread features of x ∈ [0, 1] rather than the MLP's own initialisation, so the
     * Jacobian of each network has a rich spectrum.
     */
    static double[] initialParameters(Model model, long seed) {
        Random random = new Random(seed);
        double[] theta = new double[model.layout().size()];
        for (int n = 0; n < Math.max(1, model.layout().networks()); n++) {
            List<ParameterBlock> blocks = new ArrayList<>();
            for (ParameterBlock b : model.layout().blocks()) {
                if (b.network() == n) {
                    blocks.add(b);
                }
            }
            if (blocks.size() != 4) {
                throw new GeopinnException("the coupling study needs networks of one hidden layer; network " + n + " has "
                        + blocks.size() + " parameter blocks");
            }
            int m = blocks.get(0).rows() * blocks.get(0).cols();
            for (int j = 0; j < m; j++) {
                theta[blocks.get(0).offset() + j] = 3 * random.nextGaussian();
                theta[blocks.get(1).offset() + j] = random.nextGaussian();
                theta[blocks.get(2).offset() + j] = random.nextGaussian() / Math.sqrt(m);
            }
        }
        return theta;
    }

    /** Least-squares slope of log λ_max(K) against log γ over the three largest couplings (the asymptotic regime). */
    static double growthExponent(List<Row> rows) {
        List<Row> sorted = rows.stream().sorted(java.util.Comparator.comparingDouble(Row::gamma)).toList();
        List<Row> top = sorted.subList(Math.max(0, sorted.size() - 3), sorted.size());
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (Row r : top) {
            double x = Math.log(r.gamma());
            double y = Math.log(r.lambdaNtk());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        return n < 2 ? Double.NaN : (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    void write(List<Row> rows, Path folder, PrintStream out) {
        double[] g = rows.stream().mapToDouble(Row::gamma).toArray();
        double[] k = rows.stream().mapToDouble(Row::lambdaNtk).toArray();
        double[] kp = rows.stream().mapToDouble(Row::lambdaPreconditioned).toArray();
        double[] ref = new double[g.length];
        Row last = rows.get(rows.size() - 1);
        for (int i = 0; i < g.length; i++) {
            ref[i] = last.lambdaNtk() * (g[i] / last.gamma()) * (g[i] / last.gamma());
        }
        Charts.lineChart(folder.resolve("coupling-lambda-max.png"), "Thermoelasticity: largest kernel eigenvalue against coupling",
                "coupling gamma", "lambda_max", true, true, List.of(new Charts.Series("lambda_max(K), NTK", g, k),
                        new Charts.Series("lambda_max(K_P), preconditioned", g, kp), new Charts.Series("gamma^2 (through the last point)", g, ref)));
        List<double[]> table = new ArrayList<>();
        for (Row r : rows) {
            table.add(new double[] {r.gamma(), r.lambdaNtk(), r.lambdaNtk() / (r.gamma() * r.gamma()), r.lambdaPreconditioned(), r.networks(),
                r.conditionEffective()});
        }
        ReportFiles.writeCsv(new DiagnosticReport.Table(List.of("gamma", "lambda_max_K", "lambda_max_K_over_gamma2", "lambda_max_KP", "networks",
                "condition_effective_K"), table), folder.resolve("coupling.csv"));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Thermoelasticity, two tanh networks of width %d (%d parameters each), %d interior points per PDE, seed %d,"
                + " K_P cut-off %s%n%n", width, 3 * width + 1, interiorPoints, seed, Double.isNaN(cutoff) ? "max(S, P)·ε" : Double.toString(cutoff)));
        b.append("| γ | λ_max(K) | λ_max(K)/γ² | local exponent | λ_max(K_P) | networks S |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String local = i == 0 ? "" : String.format(Locale.ROOT, "%.3f", Math.log(r.lambdaNtk() / rows.get(i - 1).lambdaNtk())
                    / Math.log(r.gamma() / rows.get(i - 1).gamma()));
            b.append(String.format(Locale.ROOT, "| %s | %.4e | %.4e | %s | %.12f | %d |%n", plain(r.gamma()), r.lambdaNtk(), r.lambdaNtk() / (r.gamma() * r.gamma()),
                    local, r.lambdaPreconditioned(), (int) r.networks()));
        }
        b.append(String.format(Locale.ROOT, "%nFitted growth exponent of λ_max(K) in γ over the three largest γ: %.3f (theory: 2 for large γ)%n", growthExponent(rows)));
        AdVsFdExperiment.writeText(folder.resolve("coupling.md"), b.toString());
        out.print(b);
    }
}
