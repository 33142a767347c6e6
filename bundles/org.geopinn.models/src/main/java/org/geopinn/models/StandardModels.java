package org.geopinn.models;

import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.models.internal.MlpModelFactory;
import org.geopinn.models.internal.RandomFeatureModelFactory;
import org.geopinn.models.internal.SinusoidalMlpModelFactory;

/**
 * The model factories of this bundle for use without an OSGi framework (tests, benchmarks, plain
 * Java programs). In a framework the same factories are services with property {@code geopinn.id}.
 */
public final class StandardModels {
    private static final List<ModelFactory> FACTORIES = List.of(new MlpModelFactory(), new RandomFeatureModelFactory(),
            new SinusoidalMlpModelFactory());

    private StandardModels() {
    }

    /** @return the factories: mlp, random-features, sinusoidal-mlp */
    public static List<ModelFactory> factories() {
        return FACTORIES;
    }

    /**
     * @param kind a model id: mlp, random-features or sinusoidal-mlp
     * @param spec what to build
     * @return the model
     * @throws GeopinnException for an unknown kind or a spec the factory cannot build
     */
    public static Model create(String kind, ModelSpec spec) {
        for (ModelFactory f : FACTORIES) {
            if (f.id().equals(kind)) {
                return f.create(spec);
            }
        }
        throw new GeopinnException("unknown model '" + kind + "'; known: mlp, random-features, sinusoidal-mlp");
    }
}
