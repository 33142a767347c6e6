package org.geopinn.optimizer.engd;

import java.util.Map;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.GeopinnException;
import org.geopinn.linalg.damping.DampedNaturalStep;
import org.geopinn.linalg.search.GridLineSearch;
import org.geopinn.linalg.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code engd} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.engd",
        property = {"geopinn.id=engd", "geopinn.description=ENGD: Gram matrix JᵀJ, least-squares natural-gradient direction, grid line search"})
@Designate(ocd = EngdConfig.class)
public final class EngdFactory implements OptimizerFactory {
    static final String ID = "engd";
    private volatile EngdConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(EngdConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "ENGD: Gram matrix JᵀJ, least-squares natural-gradient direction, grid line search";
    }

    @Override
    public Map<String, String> settings() {
        return Settings.describe(EngdConfig.class, config);
    }

    @Override
    public Optimizer create(Map<String, ?> overrides) {
        Settings s = Settings.of(ID, EngdConfig.class, config, overrides);
        boolean adaptive = s.choice("damping", "none", "adaptive").equals("adaptive");
        double momentum = s.number("momentum", 0, 0.999);
        if (momentum > 0 && !adaptive) {
            throw new GeopinnException("setting 'momentum' of engd needs damping=adaptive");
        }
        GridLineSearch search = new GridLineSearch(s.integer("max_exponent", 0, 200), s.integer("patience", 0, 200));
        return new Engd(s.number("rcond", 0, 1), search,
                adaptive ? new DampedNaturalStep(s.number("initial_damping", 1e-300, 1e300), momentum, search) : null);
    }
}
