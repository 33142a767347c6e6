package org.geopinn.diagnostics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.diagnostics.KernelFactor;
import org.geopinn.diagnostics.Spectra;

/**
 * What the three tangent-kernel diagnostics share: sample the Jacobian's rows, build the kernel
 * in factored form, and report its eigenvalue spectrum, summaries and (a sub-sample of) the matrix.
 *
 * <p>Options: {@code maxRows} (default 1024) rows of J used; {@code cutoff} relative singular-value
 * cut-off of pseudo-inverses (default max(S, P)·ε); {@code a} level of the effective cut-off number
 * and truncated entropy of the eigenvalues (default 1e-12); {@code kernelSize} points of the kernel
 * matrix put in the report for a heat map (default 256, 0 for none).
 */
abstract class KernelDiagnostic implements Diagnostic {
    static final Set<String> OPTIONS = Set.of("maxRows", "cutoff", "a", "kernelSize");

    /**
     * @param sample the sampled Jacobian
     * @param system the system (for its parameter layout)
     * @param cutoff the relative cut-off of pseudo-inverses
     * @return the kernel on the sampled rows
     */
    abstract KernelFactor kernel(JacobianSample sample, LeastSquaresSystem system, double cutoff);

    /** @param system the system @param scalars add kernel-specific scalars here */
    void extraScalars(LeastSquaresSystem system, Map<String, Double> scalars) {
    }

    @Override
    public DiagnosticReport run(LeastSquaresSystem system, double[] theta, Map<String, ?> options) {
        Options o = new Options(id(), options, OPTIONS);
        int maxRows = o.count("maxRows", 1024);
        double a = o.level("a", 1e-12);
        int kernelSize = o.count("kernelSize", 256);
        JacobianSample sample = JacobianSample.of(system, theta, maxRows);
        double cutoff = o.level("cutoff", org.geopinn.diagnostics.TangentKernels.defaultCutoff(sample.rows(), sample.cols()));
        KernelFactor k = kernel(sample, system, cutoff);
        double[] eigen = k.eigenvalues();

        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("rows", (double) sample.rows());
        scalars.put("residual_rows", (double) system.residualCount());
        scalars.put("parameters", (double) sample.cols());
        scalars.put("cutoff", cutoff);
        scalars.put("a", a);
        scalars.put("lambda_max", eigen.length == 0 ? Double.NaN : eigen[0]);
        scalars.put("lambda_min", eigen.length == 0 ? Double.NaN : eigen[eigen.length - 1]);
        scalars.put("trace", java.util.Arrays.stream(eigen).sum());
        scalars.put("condition", Spectra.conditionNumber(eigen));
        scalars.put("condition_effective", Spectra.effectiveConditionNumber(eigen, a));
        scalars.put("effective_cutoff", (double) Spectra.effectiveCutoff(eigen, a));
        scalars.put("truncated_entropy", Spectra.truncatedEntropy(eigen, a));
        extraScalars(system, scalars);

        Map<String, DiagnosticReport.Table> tables = new LinkedHashMap<>();
        tables.put("spectrum", spectrumTable(eigen, "eigenvalue"));
        if (kernelSize > 0 && sample.rows() > 0) {
            tables.put("kernel", kernelTable(k, Math.min(kernelSize, sample.rows())));
        }
        return new DiagnosticReport(id(), description() + " on " + sample.rows() + " of " + system.residualCount() + " rows",
                scalars, tables);
    }

    static DiagnosticReport.Table spectrumTable(double[] values, String name) {
        List<double[]> rows = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            rows.add(new double[] {i + 1, values[i]});
        }
        return new DiagnosticReport.Table(List.of("index", name), rows);
    }

    private static DiagnosticReport.Table kernelTable(KernelFactor k, int m) {
        int[] points = JacobianSample.spread(k.size(), m);
        double[] matrix = k.matrix(points);
        List<String> columns = new ArrayList<>(m);
        List<double[]> rows = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            columns.add("k" + i);
            rows.add(java.util.Arrays.copyOfRange(matrix, i * m, (i + 1) * m));
        }
        return new DiagnosticReport.Table(columns, rows);
    }
}
