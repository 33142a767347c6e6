package org.geopinn.api.optimizer;

import java.util.Map;
import org.geopinn.api.Identified;

/**
 * A service creating optimizers of one kind, registered with the {@code geopinn.id} property equal
 * to {@link #id()} ({@code gd}, {@code adam}, {@code lbfgs}, {@code soap}, {@code anagram},
 * {@code engd}, {@code gn-pcg}, {@code lm}, {@code ssbfgs}). Its defaults come from its {@code @Designate} configuration; the
 * settings given to {@link #create} override them for one instance.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface OptimizerFactory extends Identified {
    /** @return the optimizer id */
    String id();

    /** @return a one-line description */
    String description();

    /**
     * @return the settings this optimizer accepts, name to a one-line description with its default
     */
    Map<String, String> settings();

    /**
     * @param overrides settings that differ from the configured defaults (values as text or numbers)
     * @return a fresh optimizer
     * @throws org.geopinn.api.GeopinnException for an unknown setting or a bad value, naming it
     */
    Optimizer create(Map<String, ?> overrides);
}
