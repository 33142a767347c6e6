package org.geopinn.optimizer.anagram;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.linalg.damping.DampedNaturalStep;
import org.geopinn.linalg.search.GridLineSearch;
import org.geopinn.linalg.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code anagram} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.anagram",
        property = {"geopinn.id=anagram", "geopinn.description=ANaGRAM: truncated pseudo-inverse of the residual Jacobian, grid line search, adaptive cut-off"})
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
        Settings s = Settings.of(ID, AnagramConfig.class, config, overrides);
        String mode = s.choice("cutoff", "relative", "absolute", "adaptive");
        double tolerance = s.number("tolerance", 0, 1e300);
        double minTol = s.number("min_tolerance", 0, 1);
        double maxTol = s.number("max_tolerance", 1e-300, 1);
        if (minTol > maxTol) {
            throw new GeopinnException("anagram needs min_tolerance <= max_tolerance, got " + minTol + " > " + maxTol);
        }
        if (!mode.equals("absolute") && tolerance >= 1) {
            throw new GeopinnException("setting 'tolerance' of anagram is " + tolerance + "; a relative cut-off must be < 1");
        }
        CutoffRule rule = new CutoffRule(mode, tolerance, s.number("adaptive_factor", 1.000001, 1e6), minTol, maxTol);
        String filter = s.choice("filter", "truncate", "damped", "adaptive");
        double momentum = s.number("momentum", 0, 0.999);
        if (momentum > 0 && !filter.equals("adaptive")) {
            throw new GeopinnException("setting 'momentum' of anagram needs filter=adaptive (it is " + filter + ")");
        }
        GridLineSearch search = new GridLineSearch(s.integer("max_exponent", 0, 200), s.integer("patience", 0, 200));
        DampedNaturalStep adaptive = filter.equals("adaptive")
                ? new DampedNaturalStep(s.number("initial_damping", 1e-300, 1e300), momentum, search) : null;
        return new Anagram(rule, search, s.choice("factorization", "auto", "qr", "gram"), filter.equals("damped"), adaptive);
    }
}
