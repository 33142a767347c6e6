package org.geopinn.optimizer.adam;

import java.util.Map;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.linalg.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code adam} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.adam",
        property = {"geopinn.id=adam", "geopinn.description=Adam with constant, exponential-decay or warm-up learning rate"})
@Designate(ocd = AdamConfig.class)
public final class AdamFactory implements OptimizerFactory {
    static final String ID = "adam";
    private volatile AdamConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(AdamConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Adam with constant, exponential-decay or warm-up learning rate";
    }

    @Override
    public Map<String, String> settings() {
        return Settings.describe(AdamConfig.class, config);
    }

    @Override
    public Optimizer create(Map<String, ?> overrides) {
        Settings s = Settings.of(ID, AdamConfig.class, config, overrides);
        LearningRateSchedule schedule = new LearningRateSchedule(s.positive("lr"),
                s.choice("schedule", "constant", "exponential", "warmup"),
                s.number("decay_rate", Double.MIN_NORMAL, 1), s.integer("decay_steps", 1, Integer.MAX_VALUE),
                s.integer("warmup_steps", 1, Integer.MAX_VALUE));
        return new Adam(schedule, s.number("beta1", 0, 0.999999), s.number("beta2", 0, 0.99999999),
                s.positive("eps"), s.number("weight_decay", 0, 1));
    }
}
