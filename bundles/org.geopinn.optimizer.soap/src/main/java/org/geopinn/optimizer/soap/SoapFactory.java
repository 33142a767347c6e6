package org.geopinn.optimizer.soap;

import java.util.Map;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code soap} optimizer service. */
@Component(service = OptimizerFactory.class, configurationPid = "org.geopinn.optimizer.soap",
        property = {"geopinn.config.pid=org.geopinn.optimizer.soap", "geopinn.id=soap", "geopinn.description=SOAP: Adam in the eigenbasis of Shampoo's Kronecker factors, per weight matrix"})
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
        SoapConfig c = Settings.configure(ID, SoapConfig.class, config, overrides);
        return new Soap(new SoapSettings(c.lr(), c.beta1(), c.beta2(), c.shampoo_beta() < 0 ? c.beta2() : c.shampoo_beta(), c.eps(),
                c.weight_decay(), c.precondition_frequency(), c.max_precond_dim()));
    }
}
