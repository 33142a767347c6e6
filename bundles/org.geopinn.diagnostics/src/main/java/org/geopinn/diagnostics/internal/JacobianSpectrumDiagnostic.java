package org.geopinn.diagnostics.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.diagnostics.Spectra;
import org.osgi.service.component.annotations.Component;

/**
 * Singular values of the system matrix J itself, with Chen et al.'s effective cut-off number and
 * truncated entropy (for a linear model such as random features, J is the matrix A of A a = f).
 * Options: {@code maxRows} (default 1024), {@code a} (default 1e-12).
 */
@Component(service = Diagnostic.class, property = {"geopinn.id=jacobian-spectrum", "geopinn.description=Singular values of the Jacobian J with e(a) and truncated entropy H(a) (Chen et al., 2024)"})
public final class JacobianSpectrumDiagnostic implements Diagnostic {
    @Override
    public String id() {
        return "jacobian-spectrum";
    }

    @Override
    public String description() {
        return "Singular values of the Jacobian J";
    }

    @Override
    public DiagnosticReport run(LeastSquaresSystem system, double[] theta, Map<String, ?> options) {
        Options o = new Options(id(), options, Set.of("maxRows", "a"));
        double a = o.level("a", 1e-12);
        JacobianSample sample = JacobianSample.of(system, theta, o.count("maxRows", 1024));
        double[] sv = Spectra.singularValues(sample.values(), sample.rows(), sample.cols());
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("rows", (double) sample.rows());
        scalars.put("parameters", (double) sample.cols());
        scalars.put("a", a);
        scalars.put("sigma_max", sv.length == 0 ? Double.NaN : sv[0]);
        scalars.put("sigma_min", sv.length == 0 ? Double.NaN : sv[sv.length - 1]);
        scalars.put("condition", Spectra.conditionNumber(sv));
        scalars.put("effective_cutoff", (double) Spectra.effectiveCutoff(sv, a));
        scalars.put("truncated_entropy", Spectra.truncatedEntropy(sv, a));
        return new DiagnosticReport(id(), description() + " on " + sample.rows() + " of " + system.residualCount() + " rows",
                scalars, Map.of("spectrum", KernelDiagnostic.spectrumTable(sv, "singular_value")));
    }
}
