package org.geopinn.evolution.problems;

import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.evolution.InitialValueProblem;
import org.osgi.service.component.annotations.Component;

/** 2-D advection u_t = −(0.6, 0.3)·∇u of a Gaussian (σ = 0.1) from (−0.3, −0.15) to (0.3, 0.15) at t = 1, zero data on the faces. */
@Component(service = InitialValueProblem.class, property = {"geopinn.id=advection2d",
    "geopinn.description=2-D advection u_t = -(0.6,0.3).grad u of a Gaussian pulse sigma = 0.1 on [-1,1]^2 (exact)"})
public final class Advection2d extends Advection {
    /** The problem. */
    public Advection2d() {
        super("advection2d", "2-D advection u_t = -(0.6,0.3).grad u of a Gaussian pulse sigma = 0.1 on [-1,1]^2 (exact)",
                new double[] {-0.3, -0.15}, new double[] {0.6, 0.3}, 0.1, BoundaryTreatment.HARD_ZERO);
    }
}
