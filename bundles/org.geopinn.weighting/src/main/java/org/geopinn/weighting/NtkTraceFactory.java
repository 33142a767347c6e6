package org.geopinn.weighting;

import java.util.Map;
import org.geopinn.api.weighting.LossWeighting;
import org.geopinn.api.weighting.LossWeightingFactory;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code ntk} weighting service: conditions balanced by the traces of their blocks of the
 * neural tangent kernel K = JJᵀ (Wang, Yu &amp; Perdikaris, "When and why PINNs fail to train: a
 * neural tangent kernel perspective", 2022).
 */
@Component(service = LossWeightingFactory.class, configurationPid = "org.geopinn.weighting.ntk",
        property = {"geopinn.config.pid=org.geopinn.weighting.ntk", "geopinn.id=ntk",
                "geopinn.description=balance the conditions by the traces of their NTK blocks (Wang, Yu & Perdikaris, 2022)"})
@Designate(ocd = NtkTraceConfig.class)
public final class NtkTraceFactory implements LossWeightingFactory {
    static final String ID = "ntk";
    private volatile NtkTraceConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(NtkTraceConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "balance the conditions by the traces of their NTK blocks (Wang, Yu & Perdikaris, 2022)";
    }

    /** @return the settings with descriptions and defaults */
    public Map<String, String> settings() {
        return Settings.describe(NtkTraceConfig.class, config);
    }

    @Override
    public LossWeighting create(Map<String, ?> overrides) {
        NtkTraceConfig c = Settings.configure(ID, NtkTraceConfig.class, config, overrides);
        return new NtkTraceBalancing(c.interval(), c.probes(), c.seed(), c.max_weight() > 0 ? c.max_weight() : Double.POSITIVE_INFINITY, c.rows(), c.exact_limit());
    }
}
