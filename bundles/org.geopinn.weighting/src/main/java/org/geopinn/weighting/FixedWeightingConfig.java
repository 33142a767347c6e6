package org.geopinn.weighting;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of fixed weighting. */
@ObjectClassDefinition(name = "Geopinn fixed loss weights", description = "Weights set once and never changed.")
public @interface FixedWeightingConfig {
    @AttributeDefinition(description = "comma-separated weights, one per condition in the problem's order; empty = keep the problem's own weights")
    String weights() default "";
}
