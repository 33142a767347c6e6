package org.geopinn.optimizer.gnpcg;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code gn-pcg} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.gnpcg",
        property = {"geopinn.config.pid=org.geopinn.optimizer.gnpcg", "geopinn.id=gn-pcg", "geopinn.description=matrix-free damped Gauss-Newton, CG with a Nystrom preconditioner"})
@Designate(ocd = GaussNewtonPcgConfig.class)
public final class GaussNewtonPcgFactory implements OptimizerFactory {
    static final String ID = "gn-pcg";
    private volatile GaussNewtonPcgConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(GaussNewtonPcgConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "matrix-free damped Gauss-Newton, CG with a Nystrom preconditioner";
    }

    @Override
    public Map<String, String> settings() {
        return Settings.describe(GaussNewtonPcgConfig.class, config);
    }

    @Override
    public Optimizer create(Map<String, ?> overrides) {
        GaussNewtonPcgConfig c = Settings.configure(ID, GaussNewtonPcgConfig.class, config, overrides);
        double min = c.min_damping();
        double max = c.max_damping();
        double damping = c.damping();
        if (!(min <= damping && damping <= max)) {
            throw new GeopinnException("gn-pcg needs min_damping <= damping <= max_damping, got " + min + ", " + damping + ", " + max);
        }
        return new GaussNewtonPcg(damping, min, max, c.rank(), c.cg_tolerance(), c.cg_max_iterations(), c.seed());
    }
}
