package org.geopinn.optimizer.adam;

import java.util.Map;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code adam} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.adam",
        property = {"geopinn.config.pid=org.geopinn.optimizer.adam", "geopinn.id=adam", "geopinn.description=Adam with constant, exponential-decay or warm-up learning rate"})
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
        AdamConfig c = Settings.configure(ID, AdamConfig.class, config, overrides);
        LearningRateSchedule schedule = new LearningRateSchedule(c.lr(), c.schedule(), c.decay_rate(), c.decay_steps(),
                c.warmup_steps());
        return new Adam(schedule, c.beta1(), c.beta2(), c.eps(), c.weight_decay());
    }
}
