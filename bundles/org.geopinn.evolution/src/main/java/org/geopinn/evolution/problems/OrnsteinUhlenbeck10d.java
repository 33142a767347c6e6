package org.geopinn.evolution.problems;

import org.geopinn.api.evolution.InitialValueProblem;
import org.osgi.service.component.annotations.Component;

/** {@link OrnsteinUhlenbeck} in d = 10. */
@Component(service = InitialValueProblem.class, property = {"geopinn.id=fokker-planck10d",
    "geopinn.description=10-D Fokker-Planck of an Ornstein-Uhlenbeck process for the log-density, Gaussian initial density (exact)"})
public final class OrnsteinUhlenbeck10d extends OrnsteinUhlenbeck {
    /** The problem. */
    public OrnsteinUhlenbeck10d() {
        super("fokker-planck10d", 10);
    }
}
