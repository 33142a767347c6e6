package org.geopinn.optimizer.lm;

import java.util.Map;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.linalg.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code lm} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.lm",
        property = {"geopinn.id=lm", "geopinn.description=" + LmFactory.DESCRIPTION})
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
        Settings s = Settings.of(ID, LmConfig.class, config, overrides);
        boolean jacobianScaling = s.choice("scaling", "identity", "jacobian").equals("jacobian");
        DampedSolver solver = s.choice("solver", "cholesky", "eigen").equals("eigen") ? new EigenSolver() : new CholeskySolver();
        return new LevenbergMarquardt(solver, jacobianScaling, s.number("initial_damping", 1e-300, 1e300),
                s.integer("max_tries", 1, 1000), s.number("max_damping", 1, 1e300),
                s.flag("geodesic"), s.number("geodesic_ratio", 1e-6, 1e6));
    }
}
