package org.geopinn.weighting;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of fixed weighting. */
@ObjectClassDefinition(name = "Geopinn fixed loss weights", description = "Weights set once and never changed.")
public @interface FixedWeightingConfig {
    String WEIGHTS = "comma-separated weights, one per condition in the problem's order; empty = keep the problem's own weights";

    @AttributeDefinition(description = WEIGHTS)
    String weights() default "";
}
