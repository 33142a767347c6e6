package org.geopinn.optimizer.lbfgs;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code lbfgs} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.lbfgs",
        property = {"geopinn.config.pid=org.geopinn.optimizer.lbfgs", "geopinn.id=lbfgs", "geopinn.description=L-BFGS with a strong-Wolfe line search"})
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
        LbfgsConfig c = Settings.configure(ID, LbfgsConfig.class, config, overrides);
        if (c.c1() >= c.c2()) {
            throw new GeopinnException("lbfgs needs c1 < c2, got c1 = " + c.c1() + ", c2 = " + c.c2());
        }
        return new Lbfgs(new LbfgsLimits(c.lr(), c.history_size(), c.iterations_per_step(), c.max_iterations(),
                c.max_evaluations(), c.max_line_search_evaluations(), c.gradient_tolerance(), c.change_tolerance(), c.c1(), c.c2()));
    }
}
