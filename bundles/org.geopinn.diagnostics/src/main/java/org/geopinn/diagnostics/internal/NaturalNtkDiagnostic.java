package org.geopinn.diagnostics.internal;

import java.util.Map;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.diagnostics.KernelFactor;
import org.geopinn.diagnostics.TangentKernels;
import org.osgi.service.component.annotations.Component;

/**
 * The natural NTK J G⁺ Jᵀ, G = JᵀJ (Schwencke & Furtlehner, 2025): the projection on the tangent space seen from the
 * points; its eigenvalues are 1 (as many as the numerical rank at the cut-off) and 0.
 */
@Component(service = Diagnostic.class, property = {"geopinn.id=nntk", "geopinn.description=Natural NTK J G+ J^T (a projection): rank at the cut-off, spectrum"})
public final class NaturalNtkDiagnostic extends KernelDiagnostic {
    @Override
    public String id() {
        return "nntk";
    }

    @Override
    public String description() {
        return "Natural NTK J G+ J^T";
    }

    @Override
    KernelFactor kernel(JacobianSample sample, LeastSquaresSystem system, double cutoff) {
        return TangentKernels.naturalNtk(sample.values(), sample.rows(), sample.cols(), cutoff);
    }

    @Override
    void extraScalars(LeastSquaresSystem system, Map<String, Double> scalars) {
        // The trace of a projection is its rank.
        scalars.put("rank", (double) Math.round(scalars.get("trace")));
    }
}
