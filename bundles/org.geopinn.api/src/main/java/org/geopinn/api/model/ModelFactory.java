package org.geopinn.api.model;

import org.geopinn.api.Identified;

/**
 * A service that builds models of one kind (e.g. {@code mlp}, {@code random-features},
 * {@code sinusoidal-mlp}); registered with the {@code geopinn.id} property equal to {@link #id()}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ModelFactory extends Identified {
    /** @return the model kind's id */
    String id();

    /** @return a one-line description */
    String description();

    /**
     * @param spec what to build
     * @return a new model
     * @throws org.geopinn.api.GeopinnException for a spec this factory cannot build (unknown activation …)
     */
    Model create(ModelSpec spec);
}
