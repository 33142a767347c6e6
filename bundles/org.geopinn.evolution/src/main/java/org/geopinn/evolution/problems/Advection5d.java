package org.geopinn.evolution.problems;

import java.util.Arrays;
import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.evolution.InitialValueProblem;
import org.osgi.service.component.annotations.Component;

/**
 * 5-D advection u_t = −a·∇u, a = 0.4·(1, 1, 1, 1, 1), of a Gaussian (σ = 0.4) from −0.2·1 to
 * 0.2·1 at t = 1. The pulse is wider than in 2-D so that uniform samples of the 5-cube see it
 * (a σ = 0.1 pulse fills 1e-6 of the volume).
 */
@Component(service = InitialValueProblem.class, property = {"geopinn.id=advection5d",
    "geopinn.description=5-D advection u_t = -0.4(1,..,1).grad u of a Gaussian pulse sigma = 0.4 on [-1,1]^5 (exact)"})
public final class Advection5d extends Advection {
    /** The problem. */
    public Advection5d() {
        super("advection5d", "5-D advection u_t = -0.4(1,..,1).grad u of a Gaussian pulse sigma = 0.4 on [-1,1]^5 (exact)",
                filled(-0.2), filled(0.4), 0.4, BoundaryTreatment.NONE);
    }

    private static double[] filled(double v) {
        double[] a = new double[5];
        Arrays.fill(a, v);
        return a;
    }
}
