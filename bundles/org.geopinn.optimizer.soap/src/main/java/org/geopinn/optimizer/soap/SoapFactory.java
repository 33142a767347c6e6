package org.geopinn.optimizer.soap;

import java.util.Map;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.linalg.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code soap} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.soap",
        property = {"geopinn.id=soap", "geopinn.description=SOAP: Adam in the eigenbasis of Shampoo's Kronecker factors, per weight matrix"})
@Designate(ocd = SoapConfig.class)
public final class SoapFactory implements OptimizerFactory {
    static final String ID = "soap";
    private volatile SoapConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(SoapConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "SOAP: Adam in the eigenbasis of Shampoo's Kronecker factors, per weight matrix";
    }

    @Override
    public Map<String, String> settings() {
        return Settings.describe(SoapConfig.class, config);
    }

    @Override
    public Optimizer create(Map<String, ?> overrides) {
        Settings s = Settings.of(ID, SoapConfig.class, config, overrides);
        double beta2 = s.number("beta2", 0, 0.99999999);
        double shampoo = s.number("shampoo_beta", -1, 0.99999999);
        return new Soap(new SoapSettings(s.positive("lr"), s.number("beta1", 0, 0.999999), beta2,
                shampoo < 0 ? beta2 : shampoo, s.positive("eps"), s.number("weight_decay", 0, 1),
                s.integer("precondition_frequency", 1, 1_000_000), s.integer("max_precond_dim", 1, 1_000_000)));
    }
}
