package org.geopinn.reproductions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.diagnostics.Charts;
import org.geopinn.diagnostics.ReportFiles;
import org.geopinn.diagnostics.Spectra;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.expr.Vocabulary;

/**
 * Chen et al.'s comparison of automatic differentiation and finite differences on the random feature
 * model (sin activation, w, b ~ U[−1, 1]): singular values of A_AD and A_FD, effective cut-off
 * numbers e(a), truncated entropies H(a) and truncated-SVD training errors, for 1-D Poisson
 * (M = N = 100 … 300), 2-D Poisson (M = 100, 64×64 points) and the 1-D biharmonic equation
 * (M = N = 500). The system matrix holds the PDE rows at interior grid points, as in the seed, and
 * is assembled by the models and operators bundles ({@link SystemMatrices}); the FD step is the
 * grid step, so the stencil's neighbours are the neighbouring grid points as in the seed.
 */
final class AdVsFdExperiment {
    /** The levels a at which training errors are measured: 10⁻¹ … 10⁻¹⁶. */
    static final double[] LEVELS = levels();

    /**
     * One equation and discretisation.
     *
     * @param id short id used in file names
     * @param title a human title
     * @param features M
     * @param variables the input names
     * @param lower lower domain bounds
     * @param upper upper domain bounds
     * @param points the N interior grid points, row-major N×d
     * @param h the grid step (the FD step)
     * @param operator the PDE operator on field u
     * @param source the right-hand side f
     * @param level the level a of the seed's reported entropies
     * @param reportedAd Chen et al.'s H_AD(a), NaN if none
     * @param reportedFd Chen et al.'s H_FD(a), NaN if none
     */
    record Case(String id, String title, int features, List<String> variables, double[] lower, double[] upper, double[] points, double h,
            Function<Vocabulary, Expr> operator, PointFunction source, double level, double reportedAd, double reportedFd) {
        int rows() {
            return points.length / variables.size();
        }

        SystemMatrices assemble(long seed, boolean finiteDifference) {
            return SystemMatrices.assemble(variables, lower, upper, operator, source, points, features, seed, finiteDifference ? h : 0);
        }
    }

    /**
     * What was measured on one case.
     *
     * @param c the case
     * @param svAd singular values of A_AD
     * @param svFd singular values of A_FD
     * @param errorsAd ‖A_AD a − f‖/‖f‖ of the truncated-SVD solution of A_AD a = f, per level
     * @param errorsFd ‖A_FD a − f‖/‖f‖ of the truncated-SVD solution of A_FD a = f, per level
     * @param exactResidualsFd ‖A_AD a − f‖/‖f‖ for that FD solution: the PDE residual of the FD-trained model, measured exactly
     */
    record Outcome(Case c, double[] svAd, double[] svFd, double[] errorsAd, double[] errorsFd, double[] exactResidualsFd) {
        double entropyAd() {
            return Spectra.truncatedEntropy(svAd, c.level());
        }

        double entropyFd() {
            return Spectra.truncatedEntropy(svFd, c.level());
        }

        int cutoffAd() {
            return Spectra.effectiveCutoff(svAd, c.level());
        }

        int cutoffFd() {
            return Spectra.effectiveCutoff(svFd, c.level());
        }

        /** Training error at the seed's level (one of {@link #LEVELS}). */
        double errorAt(double[] errors) {
            for (int k = 0; k < LEVELS.length; k++) {
                if (Math.abs(Math.log10(LEVELS[k]) - Math.log10(c.level())) < 1e-9) {
                    return errors[k];
                }
            }
            return Double.NaN;
        }
    }

    private final long seed;

    AdVsFdExperiment(long seed) {
        this.seed = seed;
    }

    /** 1-D Poisson u_xx = −π² sin πx on [−1, 1], N = M interior points, h = 2/(N+1). */
    Case poisson1d(int n) {
        double h = 2.0 / (n + 1);
        return new Case("poisson1d-n" + n, "1-D Poisson, M = N = " + n, n, List.of("x"), new double[] {-1}, new double[] {1}, grid1d(n, h), h,
                v -> v.d("u", "x", "x"), p -> -Math.PI * Math.PI * Math.sin(Math.PI * p[0]), 1e-12, 0.0866, 0.0056);
    }

    /** 2-D Poisson Δu = −2π² sin πx sin πy on [0, 1]², side×side interior points, h = 1/(side+1). */
    Case poisson2d(int side, int features) {
        double h = 1.0 / (side + 1);
        int n = side * side;
        double[] p = new double[2 * n];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int k = i * side + j;
                p[2 * k] = (i + 1) * h;
                p[2 * k + 1] = (j + 1) * h;
            }
        }
        return new Case("poisson2d", "2-D Poisson, M = " + features + ", N = " + side + "x" + side, features, List.of("x", "y"),
                new double[] {0, 0}, new double[] {1, 1}, p, h, v -> v.laplacian("u"),
                q -> -2 * Math.PI * Math.PI * Math.sin(Math.PI * q[0]) * Math.sin(Math.PI * q[1]), 1e-13, 0.0200, 0.0152);
    }

    /** 1-D biharmonic u'''' = eˣ on [−1, 1], N = M interior points, h = 2/(N+1). */
    Case biharmonic(int n) {
        double h = 2.0 / (n + 1);
        return new Case("biharmonic", "1-D biharmonic, M = N = " + n, n, List.of("x"), new double[] {-1}, new double[] {1}, grid1d(n, h), h,
                v -> v.d("u", "x", "x", "x", "x"), p -> Math.exp(p[0]), 1e-13, 0.0841, 0.0023);
    }

    /** The n interior points −1 + i·h, i = 1 … n, of [−1, 1]. */
    private static double[] grid1d(int n, double h) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + (i + 1) * h;
        }
        return x;
    }

    /** Assembles both matrices, decomposes them and solves at every level. */
    Outcome run(Case c) {
        SystemMatrices exact = c.assemble(seed, false);
        SystemMatrices differenced = c.assemble(seed, true);
        TruncatedSvdSolver ad = new TruncatedSvdSolver(exact.a(), exact.rows(), exact.features());
        TruncatedSvdSolver fd = new TruncatedSvdSolver(differenced.a(), differenced.rows(), differenced.features());
        double[] svAd = ad.singularValues();
        double[] svFd = fd.singularValues();
        double[] errAd = new double[LEVELS.length];
        double[] errFd = new double[LEVELS.length];
        double[] exactFd = new double[LEVELS.length];
        for (int k = 0; k < LEVELS.length; k++) {
            errAd[k] = ad.relativeError(exact.f(), Spectra.effectiveCutoff(svAd, LEVELS[k]));
            double[] coefficients = fd.solve(differenced.f(), Spectra.effectiveCutoff(svFd, LEVELS[k]));
            errFd[k] = TruncatedSvdSolver.relativeResidual(differenced.a(), differenced.rows(), differenced.features(), coefficients, differenced.f());
            exactFd[k] = TruncatedSvdSolver.relativeResidual(exact.a(), exact.rows(), exact.features(), coefficients, exact.f());
        }
        return new Outcome(c, svAd, svFd, errAd, errFd, exactFd);
    }

    /** Writes CSV files, pictures and a markdown table into the folder; prints the table. */
    static void write(List<Outcome> outcomes, Path folder, PrintStream out) {
        List<Outcome> poisson1d = outcomes.stream().filter(o -> o.c().id().startsWith("poisson1d")).toList();
        for (Outcome o : outcomes) {
            String id = o.c().id();
            Map<String, double[]> spectra = new LinkedHashMap<>();
            spectra.put("A_AD", o.svAd());
            spectra.put("A_FD", o.svFd());
            Charts.lineChart(folder.resolve("ad-vs-fd-" + id + "-singular-values.png"), o.c().title() + ": singular values",
                    "index", "singular value", false, true, Charts.indexed(spectra));
            Charts.lineChart(folder.resolve("ad-vs-fd-" + id + "-training-error.png"), o.c().title() + ": truncated-SVD training error",
                    "cut-off level a (truncation at e(a))", "||A a - f|| / ||f||", true, true,
                    List.of(new Charts.Series("AD", LEVELS, o.errorsAd()), new Charts.Series("FD", LEVELS, o.errorsFd()),
                            new Charts.Series("FD solution, exact residual", LEVELS, o.exactResidualsFd())));
            ReportFiles.writeCsv(spectrumTable(o), folder.resolve("ad-vs-fd-" + id + "-singular-values.csv"));
            ReportFiles.writeCsv(levelTable(o), folder.resolve("ad-vs-fd-" + id + "-levels.csv"));
        }
        if (poisson1d.size() > 1) {
            double[] n = poisson1d.stream().mapToDouble(o -> o.c().features()).toArray();
            Charts.lineChart(folder.resolve("ad-vs-fd-poisson1d-entropy.png"), "1-D Poisson: truncated entropy H(1e-12) against M = N",
                    "M = N", "H(1e-12)", false, false, List.of(new Charts.Series("AD", n, values(poisson1d, Outcome::entropyAd)),
                            new Charts.Series("FD", n, values(poisson1d, Outcome::entropyFd))));
            Charts.lineChart(folder.resolve("ad-vs-fd-poisson1d-error.png"), "1-D Poisson: training error at e(1e-12) against M = N",
                    "M = N", "||A a - f|| / ||f||", false, true, List.of(new Charts.Series("AD", n, values(poisson1d, o -> o.errorAt(o.errorsAd()))),
                            new Charts.Series("FD", n, values(poisson1d, o -> o.errorAt(o.errorsFd())))));
        }
        ReportFiles.writeCsv(summaryTable(outcomes), folder.resolve("ad-vs-fd-summary.csv"));
        String markdown = markdown(outcomes);
        writeText(folder.resolve("ad-vs-fd.md"), markdown);
        out.print(markdown);
    }

    static String markdown(List<Outcome> outcomes) {
        StringBuilder b = new StringBuilder();
        b.append("| case | a | e_AD(a) | e_FD(a) | H_AD(a) | H_FD(a) | Chen et al. H_AD | Chen et al. H_FD | error AD at e(a) | error FD at e(a)"
                + " | FD solution, exact residual | best error AD | best error FD |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            b.append(String.format(Locale.ROOT, "| %s | %.0e | %d | %d | %.4f | %.4f | %s | %s | %.2e | %.2e | %.2e | %.2e | %.2e |%n", o.c().title(), o.c().level(),
                    o.cutoffAd(), o.cutoffFd(), o.entropyAd(), o.entropyFd(), reported(o.c().reportedAd()), reported(o.c().reportedFd()),
                    o.errorAt(o.errorsAd()), o.errorAt(o.errorsFd()), o.errorAt(o.exactResidualsFd()), min(o.errorsAd()), min(o.errorsFd())));
        }
        return b.toString();
    }

    private static DiagnosticReport.Table spectrumTable(Outcome o) {
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < o.svAd().length; k++) {
            rows.add(new double[] {k + 1, o.svAd()[k], o.svFd()[k]});
        }
        return new DiagnosticReport.Table(List.of("index", "sigma_AD", "sigma_FD"), rows);
    }

    private static DiagnosticReport.Table levelTable(Outcome o) {
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < LEVELS.length; k++) {
            double a = LEVELS[k];
            rows.add(new double[] {a, Spectra.effectiveCutoff(o.svAd(), a), Spectra.effectiveCutoff(o.svFd(), a),
                Spectra.truncatedEntropy(o.svAd(), a), Spectra.truncatedEntropy(o.svFd(), a), o.errorsAd()[k], o.errorsFd()[k], o.exactResidualsFd()[k]});
        }
        return new DiagnosticReport.Table(List.of("a", "e_AD", "e_FD", "H_AD", "H_FD", "error_AD", "error_FD", "exact_residual_FD_solution"), rows);
    }

    private static DiagnosticReport.Table summaryTable(List<Outcome> outcomes) {
        List<double[]> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            rows.add(new double[] {o.c().features(), o.c().rows(), o.c().level(), o.cutoffAd(), o.cutoffFd(), o.entropyAd(), o.entropyFd(),
                o.c().reportedAd(), o.c().reportedFd(), o.errorAt(o.errorsAd()), o.errorAt(o.errorsFd()), o.errorAt(o.exactResidualsFd())});
        }
        return new DiagnosticReport.Table(List.of("M", "N", "a", "e_AD", "e_FD", "H_AD", "H_FD", "seed_H_AD", "seed_H_FD", "error_AD", "error_FD",
                "exact_residual_FD_solution"), rows);
    }

    private static double[] values(List<Outcome> list, ToDoubleFunction<Outcome> f) {
        return list.stream().mapToDouble(f).toArray();
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static String reported(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static double[] levels() {
        double[] a = new double[16];
        for (int k = 0; k < a.length; k++) {
            a[k] = Math.pow(10, -(k + 1));
        }
        return a;
    }

    static void writeText(Path file, String text) {
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new org.geopinn.api.GeopinnException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
