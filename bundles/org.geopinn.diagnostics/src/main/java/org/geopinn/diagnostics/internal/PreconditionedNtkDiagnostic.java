package org.geopinn.diagnostics.internal;

import java.util.Map;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.diagnostics.KernelFactor;
import org.geopinn.diagnostics.TangentKernels;
import org.osgi.service.component.annotations.Component;

/**
 * The preconditioned NTK K_P = J H⁺ Jᵀ with H the block-diagonal Gauss–Newton matrix, one block
 * per network of the parameter layout (coupling study, 2026); λ_max(K_P) is at most the number of networks.
 */
@Component(service = Diagnostic.class, property = {"geopinn.id=pntk", "geopinn.description=Preconditioned NTK J H+ J^T, H block-diagonal Gauss-Newton per network: lambda_max <= networks"})
public final class PreconditionedNtkDiagnostic extends KernelDiagnostic {
    @Override
    public String id() {
        return "pntk";
    }

    @Override
    public String description() {
        return "Preconditioned NTK J H+ J^T (block-diagonal Gauss-Newton per network)";
    }

    @Override
    KernelFactor kernel(JacobianSample sample, LeastSquaresSystem system, double cutoff) {
        return TangentKernels.preconditionedNtk(sample.values(), sample.rows(), sample.cols(), networkRanges(system.parameterLayout(), sample.cols()), cutoff);
    }

    @Override
    void extraScalars(LeastSquaresSystem system, Map<String, Double> scalars) {
        scalars.put("networks", (double) networkRanges(system.parameterLayout(), system.parameterCount()).length);
    }

    /** The column range of each network; a layout without blocks counts as one network of all P columns. */
    static int[][] networkRanges(ParameterLayout layout, int parameters) {
        int networks = Math.max(1, layout.networks());
        if (layout.blocks().isEmpty()) {
            return new int[][] {{0, parameters}};
        }
        int[][] ranges = new int[networks][];
        for (int n = 0; n < networks; n++) {
            ranges[n] = layout.networkRange(n);
        }
        return ranges;
    }
}
