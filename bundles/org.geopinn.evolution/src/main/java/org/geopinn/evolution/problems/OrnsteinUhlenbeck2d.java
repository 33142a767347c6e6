package org.geopinn.evolution.problems;

import org.geopinn.api.evolution.InitialValueProblem;
import org.osgi.service.component.annotations.Component;

/** {@link OrnsteinUhlenbeck} in d = 2. */
@Component(service = InitialValueProblem.class, property = {"geopinn.id=fokker-planck2d",
    "geopinn.description=2-D Fokker-Planck of an Ornstein-Uhlenbeck process for the log-density, Gaussian initial density (exact)"})
public final class OrnsteinUhlenbeck2d extends OrnsteinUhlenbeck {
    /** The problem. */
    public OrnsteinUhlenbeck2d() {
        super("fokker-planck2d", 2);
    }
}
