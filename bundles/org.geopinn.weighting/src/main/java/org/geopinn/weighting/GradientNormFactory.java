package org.geopinn.weighting;

import java.util.Map;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.weighting.LossWeighting;
import org.geopinn.api.weighting.LossWeightingFactory;
import org.geopinn.linalg.Vectors;
import org.geopinn.linalg.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code gradnorm} weighting service: loss balancing by gradient norms (the coupling study, 2026: docs/REFERENCES.md). */
@Component(service = LossWeightingFactory.class, configurationPid = "org.geopinn.weighting.gradnorm",
        property = {"geopinn.id=gradnorm", "geopinn.description=balance the conditions by the norms of their gradients (coupling study, 2026)"})
@Designate(ocd = GradientNormConfig.class)
public final class GradientNormFactory implements LossWeightingFactory {
    static final String ID = "gradnorm";
    private volatile GradientNormConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(GradientNormConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "balance the conditions by the norms of their gradients (coupling study, 2026)";
    }

    /** @return the settings with descriptions and defaults */
    public Map<String, String> settings() {
        return Settings.describe(GradientNormConfig.class, config);
    }

    @Override
    public LossWeighting create(Map<String, ?> overrides) {
        Settings s = Settings.of(ID, GradientNormConfig.class, config, overrides);
        double maxWeight = s.number("max_weight", 0, Double.MAX_VALUE);
        return new GradientNormBalancing(s.integer("interval", 1, Integer.MAX_VALUE), s.number("momentum", 0, 1),
                s.number("min_weight", 0, 1), maxWeight > 0 ? maxWeight : Double.POSITIVE_INFINITY);
    }

    /**
     * n_g = ‖∇L_g‖ of the unweighted terms, ŵ_g = mean(n)/n_g (1 if n_g ≈ 0), w ← m·w + (1−m)·ŵ,
     * kept between the minimum and the maximum weight.
     */
    static final class GradientNormBalancing implements LossWeighting {
        private final int interval;
        private final double momentum;
        private final double minWeight;
        private final double maxWeight;
        private final GroupGradients gradients = new GroupGradients();

        GradientNormBalancing(int interval, double momentum, double minWeight, double maxWeight) {
            this.interval = interval;
            this.momentum = momentum;
            this.minWeight = minWeight;
            this.maxWeight = maxWeight;
        }

        @Override
        public boolean update(ResidualSystem system, double[] theta, long step) {
            if (step % interval != 0) {
                return false;
            }
            double[][] g = gradients.compute(system, theta);
            int groups = g.length;
            double[] norms = new double[groups];
            double mean = 0;
            for (int i = 0; i < groups; i++) {
                norms[i] = Vectors.norm(g[i]);
                mean += norms[i] / groups;
            }
            if (!Double.isFinite(mean)) {
                return false; // a non-finite gradient must not poison the weights
            }
            double[] w = system.weights();
            for (int i = 0; i < groups; i++) {
                double target = norms[i] > 1e-300 * Math.max(mean, 1) && norms[i] > 0 ? mean / norms[i] : 1;
                w[i] = Math.min(maxWeight, Math.max(minWeight, momentum * w[i] + (1 - momentum) * target));
            }
            system.setWeights(w);
            return true;
        }
    }
}
