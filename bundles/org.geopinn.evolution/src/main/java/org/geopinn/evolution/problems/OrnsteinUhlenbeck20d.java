package org.geopinn.evolution.problems;

import org.geopinn.api.evolution.InitialValueProblem;
import org.osgi.service.component.annotations.Component;

/** {@link OrnsteinUhlenbeck} in d = 20. */
@Component(service = InitialValueProblem.class, property = {"geopinn.id=fokker-planck20d",
    "geopinn.description=20-D Fokker-Planck of an Ornstein-Uhlenbeck process for the log-density, Gaussian initial density (exact)"})
public final class OrnsteinUhlenbeck20d extends OrnsteinUhlenbeck {
    /** The problem. */
    public OrnsteinUhlenbeck20d() {
        super("fokker-planck20d", 20);
    }
}
