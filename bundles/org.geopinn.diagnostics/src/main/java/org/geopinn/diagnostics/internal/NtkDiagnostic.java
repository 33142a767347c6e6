package org.geopinn.diagnostics.internal;

import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.diagnostics.KernelFactor;
import org.geopinn.diagnostics.TangentKernels;
import org.osgi.service.component.annotations.Component;

/** The empirical neural tangent kernel K = J Jᵀ on the system's points. */
@Component(service = Diagnostic.class, property = {"geopinn.id=ntk", "geopinn.description=Empirical NTK K = J J^T: eigenvalues, condition number, truncated entropy"})
public final class NtkDiagnostic extends KernelDiagnostic {
    @Override
    public String id() {
        return "ntk";
    }

    @Override
    public String description() {
        return "Empirical NTK K = J J^T";
    }

    @Override
    KernelFactor kernel(JacobianSample sample, LeastSquaresSystem system, double cutoff) {
        return TangentKernels.ntk(sample.values(), sample.rows(), sample.cols());
    }
}
