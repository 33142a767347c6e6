package org.geopinn.optimizer.lbfgs;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.linalg.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code lbfgs} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.lbfgs",
        property = {"geopinn.id=lbfgs", "geopinn.description=L-BFGS with a strong-Wolfe line search"})
@Designate(ocd = LbfgsConfig.class)
public final class LbfgsFactory implements OptimizerFactory {
    static final String ID = "lbfgs";
    private volatile LbfgsConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(LbfgsConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "L-BFGS with a strong-Wolfe line search";
    }

    @Override
    public Map<String, String> settings() {
        return Settings.describe(LbfgsConfig.class, config);
    }

    @Override
    public Optimizer create(Map<String, ?> overrides) {
        Settings s = Settings.of(ID, LbfgsConfig.class, config, overrides);
        double c1 = s.number("c1", 1e-12, 0.5);
        double c2 = s.number("c2", 1e-12, 0.999999);
        if (c1 >= c2) {
            throw new GeopinnException("lbfgs needs c1 < c2, got c1 = " + c1 + ", c2 = " + c2);
        }
        return new Lbfgs(new LbfgsLimits(s.positive("lr"), s.integer("history_size", 1, 10_000),
                s.integer("iterations_per_step", 1, 1_000_000), s.integer("max_iterations", 0, Integer.MAX_VALUE),
                s.integer("max_evaluations", 0, Integer.MAX_VALUE), s.integer("max_line_search_evaluations", 1, 10_000),
                s.number("gradient_tolerance", 0, 1e300), s.number("change_tolerance", 0, 1), c1, c2));
    }
}
