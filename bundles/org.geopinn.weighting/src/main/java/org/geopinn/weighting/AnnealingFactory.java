package org.geopinn.weighting;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.weighting.LossWeighting;
import org.geopinn.api.weighting.LossWeightingFactory;
import org.geopinn.linalg.Vectors;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code annealing} weighting service: learning-rate annealing (Wang, Teng &amp; Perdikaris 2021). */
@Component(service = LossWeightingFactory.class, configurationPid = "org.geopinn.weighting.annealing",
        property = {"geopinn.config.pid=org.geopinn.weighting.annealing", "geopinn.id=annealing", "geopinn.description=learning-rate annealing: weights from max|∇L_pde| / mean|∇L_g|"})
@Designate(ocd = AnnealingConfig.class)
public final class AnnealingFactory implements LossWeightingFactory {
    static final String ID = "annealing";
    private volatile AnnealingConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(AnnealingConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "learning-rate annealing: weights from max|∇L_pde| / mean|∇L_g|";
    }

    /** @return the settings with descriptions and defaults */
    public Map<String, String> settings() {
        return Settings.describe(AnnealingConfig.class, config);
    }

    @Override
    public LossWeighting create(Map<String, ?> overrides) {
        AnnealingConfig c = Settings.configure(ID, AnnealingConfig.class, config, overrides);
        return new Annealing(c.interval(), c.alpha(), c.reference().trim(), c.min_weight());
    }

    /** ŵ_g = max_k |∂L_ref/∂θ_k| / mean_k |∂L_g/∂θ_k| for g ≠ ref, w_g ← (1−α)w_g + αŵ_g. */
    static final class Annealing implements LossWeighting {
        private final int interval;
        private final double alpha;
        private final String reference;
        private final double minWeight;
        private final GroupGradients gradients = new GroupGradients();

        Annealing(int interval, double alpha, String reference, double minWeight) {
            this.interval = interval;
            this.alpha = alpha;
            this.reference = reference;
            this.minWeight = minWeight;
        }

        private int referenceIndex(ResidualSystem system) {
            if (reference.isEmpty()) {
                return 0;
            }
            for (int i = 0; i < system.groups().size(); i++) {
                if (system.groups().get(i).name().equals(reference)) {
                    return i;
                }
            }
            throw new GeopinnException("annealing weighting: no condition named '" + reference + "'; conditions are "
                    + system.groups().stream().map(g -> g.name()).toList());
        }

        @Override
        public boolean update(ResidualSystem system, double[] theta, long step) {
            if (step % interval != 0) {
                return false;
            }
            int ref = referenceIndex(system);
            double[][] g = gradients.compute(system, theta);
            double top = Vectors.maxAbs(g[ref]);
            if (!Double.isFinite(top)) {
                return false;
            }
            double[] w = system.weights();
            boolean changed = false;
            for (int i = 0; i < g.length; i++) {
                if (i == ref) {
                    continue;
                }
                double meanAbs = 0;
                for (double v : g[i]) {
                    meanAbs += Math.abs(v);
                }
                meanAbs /= g[i].length;
                if (!(meanAbs > 0) || !Double.isFinite(meanAbs)) {
                    continue;
                }
                w[i] = Math.max(minWeight, (1 - alpha) * w[i] + alpha * top / meanAbs);
                changed = true;
            }
            if (changed) {
                system.setWeights(w);
            }
            return changed;
        }
    }
}
