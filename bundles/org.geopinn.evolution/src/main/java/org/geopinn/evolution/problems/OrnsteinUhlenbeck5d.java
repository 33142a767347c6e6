package org.geopinn.evolution.problems;

import org.geopinn.api.evolution.InitialValueProblem;
import org.osgi.service.component.annotations.Component;

/** {@link OrnsteinUhlenbeck} in d = 5. */
@Component(service = InitialValueProblem.class, property = {"geopinn.id=fokker-planck5d",
    "geopinn.description=5-D Fokker-Planck of an Ornstein-Uhlenbeck process for the log-density, Gaussian initial density (exact)"})
public final class OrnsteinUhlenbeck5d extends OrnsteinUhlenbeck {
    /** The problem. */
    public OrnsteinUhlenbeck5d() {
        super("fokker-planck5d", 5);
    }
}
