package org.geopinn.optimizer.lm;

import java.util.Map;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code lm} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.lm",
        property = {"geopinn.config.pid=org.geopinn.optimizer.lm", "geopinn.id=lm", "geopinn.description=" + LmFactory.DESCRIPTION})
@Designate(ocd = LmConfig.class)
public final class LmFactory implements OptimizerFactory {
    static final String ID = "lm";
    static final String DESCRIPTION = "Levenberg–Marquardt: damped Gauss–Newton (JᵀJ + λD)δ = −Jᵀr through the smaller Gram matrix, λ by the gain ratio";
    private volatile LmConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(LmConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public Map<String, String> settings() {
        return Settings.describe(LmConfig.class, config);
    }

    @Override
    public Optimizer create(Map<String, ?> overrides) {
        LmConfig c = Settings.configure(ID, LmConfig.class, config, overrides);
        DampedSolver solver = switch (c.solver()) {
            case "eigen" -> SpectralSolver.eigen();
            case "qr" -> SpectralSolver.qr();
            default -> new CholeskySolver();
        };
        return new LevenbergMarquardt(solver, c.scaling().equals("jacobian"), c.initial_damping(), c.max_tries(), c.max_damping(),
                c.geodesic(), c.geodesic_ratio());
    }
}
