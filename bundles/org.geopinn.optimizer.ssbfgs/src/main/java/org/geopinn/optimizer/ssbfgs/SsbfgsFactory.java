package org.geopinn.optimizer.ssbfgs;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.linalg.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code ssbfgs} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.ssbfgs",
        property = {"geopinn.id=ssbfgs", "geopinn.description=" + SsbfgsFactory.DESCRIPTION})
@Designate(ocd = SsbfgsConfig.class)
public final class SsbfgsFactory implements OptimizerFactory {
    static final String ID = "ssbfgs";
    static final String DESCRIPTION = "Self-scaled BFGS / Broyden (Al-Baali): dense inverse Hessian, strong-Wolfe line search";
    private volatile SsbfgsConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(SsbfgsConfig c) {
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
        return Settings.describe(SsbfgsConfig.class, config);
    }

    @Override
    public Optimizer create(Map<String, ?> overrides) {
        Settings s = Settings.of(ID, SsbfgsConfig.class, config, overrides);
        Variant variant = Variant.valueOf(s.choice("variant", "ssbfgs", "ssbroyden", "bfgs").toUpperCase(java.util.Locale.ROOT));
        double c1 = s.number("c1", 1e-12, 0.5);
        double c2 = s.number("c2", 1e-12, 1 - 1e-12);
        if (c1 >= c2) {
            throw new GeopinnException("ssbfgs needs c1 < c2, got c1 = " + c1 + ", c2 = " + c2);
        }
        return new SelfScaledQuasiNewton(variant, c1, c2, s.integer("max_line_search_evaluations", 1, 1000),
                s.number("gradient_tolerance", 0, 1e300), s.integer("max_parameters", 1, 46000));
    }
}
