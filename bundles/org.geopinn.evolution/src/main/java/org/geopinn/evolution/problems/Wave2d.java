package org.geopinn.evolution.problems;

import org.geopinn.api.evolution.InitialValueProblem;
import org.osgi.service.component.annotations.Component;

/** The {@link Wave} from the Gaussian of {@link Heat2d} (σ = 0.1, zero at ±1 by images). */
@Component(service = InitialValueProblem.class, property = {"geopinn.id=wave2d",
    "geopinn.description=2-D wave u_tt = 0.25 Lap u as u_t = v, v_t = 0.25 Lap u on [-1,1]^2, u = v = 0 on the boundary (sine-series reference)"})
public final class Wave2d extends Wave {
    /** The problem. */
    public Wave2d() {
        super("wave2d", "2-D wave u_tt = 0.25 Lap u as u_t = v, v_t = 0.25 Lap u on [-1,1]^2, u = v = 0 on the boundary"
                + " (sine-series reference)");
    }

    @Override
    double profile(double x) {
        return GaussianPulse.dirichlet(x, Heat2d.SIGMA);
    }
}
