package org.geopinn.evolution.problems;

import org.geopinn.api.evolution.InitialValueProblem;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link Wave} from a high-frequency modulated pulse, the second initial condition of the
 * wave experiments of Finzi et al. (2023): g(x) = G(x)·cos(ωx) with G the Gaussian of width
 * σ = {@value #SIGMA} (zero at ±1 by images) and ω = {@value #CYCLES}π, so about three periods sit
 * under the envelope: the network must represent frequencies well above its coarsest embedding.
 */
@Component(service = InitialValueProblem.class, property = {"geopinn.id=wave2d-modulated",
    "geopinn.description=2-D wave u_tt = 0.25 Lap u from a Gaussian (sigma 0.2) modulated by cos(6 pi x) cos(6 pi y), u = v = 0 on the boundary (sine-series reference)"})
public final class Wave2dModulated extends Wave {
    static final double SIGMA = 0.2;
    static final double CYCLES = 6;

    /** The problem. */
    public Wave2dModulated() {
        super("wave2d-modulated", "2-D wave u_tt = 0.25 Lap u from a Gaussian (sigma 0.2) modulated by cos(6 pi x) cos(6 pi y),"
                + " u = v = 0 on the boundary (sine-series reference)");
    }

    @Override
    double profile(double x) {
        return GaussianPulse.dirichlet(x, SIGMA) * Math.cos(CYCLES * Math.PI * x);
    }
}
