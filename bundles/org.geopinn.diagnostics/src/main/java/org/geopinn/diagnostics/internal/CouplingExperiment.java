package org.geopinn.diagnostics.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.diagnostics.Charts;
import org.geopinn.diagnostics.ReportFiles;

/**
 * The coupling study's theory check on linearly coupled thermoelasticity (one tanh network per field, the
 * same parameters for every coupling γ): λ_max of the empirical NTK grows like γ², while
 * λ_max(K_P) of the block-diagonal Gauss–Newton preconditioned NTK equals the number of networks
 * for every γ. Both are measured by the {@code ntk} and {@code pntk} diagnostics themselves.
 */
final class CouplingExperiment {
    /** One γ. */
    record Row(double gamma, double lambdaNtk, double lambdaPreconditioned, double networks, double conditionEffective) {
    }

    private final long seed;
    private final int width;
    private final int interiorPoints;
    private final double cutoff;

    /**
     * @param cutoff relative pseudo-inverse cut-off of the preconditioned NTK; NaN for the diagnostic's default
     */
    CouplingExperiment(long seed, int width, int interiorPoints, double cutoff) {
        this.seed = seed;
        this.width = width;
        this.interiorPoints = interiorPoints;
        this.cutoff = cutoff;
    }

    List<Row> run(double[] gammas) {
        ShallowNetwork net = new ShallowNetwork(Activation.TANH, width);
        double[] theta = initialParameters(net, 2, seed);
        List<Row> rows = new ArrayList<>();
        NtkDiagnostic ntk = new NtkDiagnostic();
        PreconditionedNtkDiagnostic pntk = new PreconditionedNtkDiagnostic();
        Map<String, Object> options = Map.of("kernelSize", 0);
        Map<String, Object> preconditioned = Double.isNaN(cutoff) ? options : Map.of("kernelSize", 0, "cutoff", cutoff);
        for (double gamma : gammas) {
            ThermoelasticSystem system = new ThermoelasticSystem(net, 1, 1, gamma, interiorPoints);
            DiagnosticReport k = ntk.run(system, theta, options);
            DiagnosticReport kp = pntk.run(system, theta, preconditioned);
            rows.add(new Row(gamma, k.scalars().get("lambda_max"), kp.scalars().get("lambda_max"), kp.scalars().get("networks"),
                    k.scalars().get("condition_effective")));
        }
        return rows;
    }

    /** w ~ N(0, 3²), b ~ N(0, 1), a ~ N(0, 1/m), c = 0 for each network, from one seed. */
    static double[] initialParameters(ShallowNetwork net, int networks, long seed) {
        Random random = new Random(seed);
        int m = net.width();
        double[] theta = new double[networks * net.parameterCount()];
        for (int n = 0; n < networks; n++) {
            int base = n * net.parameterCount();
            for (int j = 0; j < m; j++) {
                theta[base + j] = 3 * random.nextGaussian();
                theta[base + m + j] = random.nextGaussian();
                theta[base + 2 * m + j] = random.nextGaussian() / Math.sqrt(m);
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
