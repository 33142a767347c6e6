package org.geopinn.optimizer.gd;

import java.util.Map;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code gd} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.gd",
        property = {"geopinn.config.pid=org.geopinn.optimizer.gd", "geopinn.id=gd", "geopinn.description=gradient descent with a 2^-k grid or backtracking line search"})
@Designate(ocd = GradientDescentConfig.class)
public final class GradientDescentFactory implements OptimizerFactory {
    static final String ID = "gd";
    private volatile GradientDescentConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(GradientDescentConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "gradient descent with a 2^-k grid or backtracking line search";
    }

    @Override
    public Map<String, String> settings() {
        return Settings.describe(GradientDescentConfig.class, config);
    }

    @Override
    public Optimizer create(Map<String, ?> overrides) {
        GradientDescentConfig c = Settings.configure(ID, GradientDescentConfig.class, config, overrides);
        return new GradientDescent(c.lr(), c.line_search(), c.max_exponent(), c.armijo());
    }
}
