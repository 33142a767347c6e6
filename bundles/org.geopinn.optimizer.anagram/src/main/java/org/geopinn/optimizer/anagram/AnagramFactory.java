package org.geopinn.optimizer.anagram;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.linalg.damping.DampedNaturalStep;
import org.geopinn.linalg.search.GridLineSearch;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code anagram} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.anagram",
        property = {"geopinn.config.pid=org.geopinn.optimizer.anagram", "geopinn.id=anagram", "geopinn.description=ANaGRAM: truncated pseudo-inverse of the residual Jacobian, grid line search, adaptive cut-off"})
@Designate(ocd = AnagramConfig.class)
public final class AnagramFactory implements OptimizerFactory {
    static final String ID = "anagram";
    private volatile AnagramConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(AnagramConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "ANaGRAM: truncated pseudo-inverse of the residual Jacobian, grid line search, adaptive cut-off";
    }

    @Override
    public Map<String, String> settings() {
        return Settings.describe(AnagramConfig.class, config);
    }

    @Override
    public Optimizer create(Map<String, ?> overrides) {
        AnagramConfig c = Settings.configure(ID, AnagramConfig.class, config, overrides);
        String mode = c.cutoff();
        double tolerance = c.tolerance();
        double minTol = c.min_tolerance();
        double maxTol = c.max_tolerance();
        if (minTol > maxTol) {
            throw new GeopinnException("anagram needs min_tolerance <= max_tolerance, got " + minTol + " > " + maxTol);
        }
        if (!mode.equals("absolute") && tolerance >= 1) {
            throw new GeopinnException("setting 'tolerance' of anagram is " + tolerance + "; a relative cut-off must be < 1");
        }
        CutoffRule rule = new CutoffRule(mode, tolerance, c.adaptive_factor(), minTol, maxTol);
        String filter = c.filter();
        double momentum = c.momentum();
        if (momentum > 0 && !filter.equals("adaptive")) {
            throw new GeopinnException("setting 'momentum' of anagram needs filter=adaptive (it is " + filter + ")");
        }
        GridLineSearch search = new GridLineSearch(c.max_exponent(), c.patience());
        DampedNaturalStep adaptive = filter.equals("adaptive") ? new DampedNaturalStep(c.initial_damping(), momentum, search) : null;
        return new Anagram(rule, search, c.factorization(), filter.equals("damped"), adaptive);
    }
}
