package org.geopinn.weighting;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.weighting.LossWeighting;
import org.geopinn.api.weighting.LossWeightingFactory;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code fixed} weighting service: the problem's weights, or given ones, set once. */
@Component(service = LossWeightingFactory.class, configurationPid = "org.geopinn.weighting.fixed",
        property = {"geopinn.config.pid=org.geopinn.weighting.fixed", "geopinn.id=fixed", "geopinn.description=fixed weights (the problem's, or given ones)"})
@Designate(ocd = FixedWeightingConfig.class)
public final class FixedWeightingFactory implements LossWeightingFactory {
    static final String ID = "fixed";
    private volatile FixedWeightingConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(FixedWeightingConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "fixed weights (the problem's, or given ones)";
    }

    /** @return the settings with descriptions and defaults */
    public Map<String, String> settings() {
        return Settings.describe(FixedWeightingConfig.class, config);
    }

    @Override
    public LossWeighting create(Map<String, ?> overrides) {
        String text = Settings.configure(ID, FixedWeightingConfig.class, config, overrides).weights().trim();
        double[] weights = parse(text);
        return (system, theta, step) -> {
            if (weights == null || step > 0) {
                return false;
            }
            if (weights.length != system.groups().size()) {
                throw new GeopinnException("fixed weighting has " + weights.length + " weights, the problem has "
                        + system.groups().size() + " conditions");
            }
            system.setWeights(weights);
            return true;
        };
    }

    private static double[] parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        double[] w = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new GeopinnException("setting 'weights' of fixed has '" + parts[i].trim() + "'; allowed: positive numbers separated by commas");
            }
            if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                throw new GeopinnException("setting 'weights' of fixed has " + w[i] + "; allowed: positive numbers separated by commas");
            }
        }
        return w;
    }
}
