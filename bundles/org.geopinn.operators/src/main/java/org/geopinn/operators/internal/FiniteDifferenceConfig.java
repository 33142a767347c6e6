package org.geopinn.operators.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the finite-difference operator engine. */
@ObjectClassDefinition(name = "Geopinn finite-difference operator engine",
    description = "Input derivatives by central finite differences of model values")
public @interface FiniteDifferenceConfig {
    /**
     * @return the stencil step h in input units for every derivative order; 0 picks
     *         h = ε^(1/(order+2)) per order (about 6e-6, 1.2e-4 and 2.5e-3 for orders 1, 2 and 4)
     *         times the width of each input's range
     */
    @AttributeDefinition(name = "Step h", description = "Stencil step in input units; 0 = automatic per derivative order, scaled by each input's range")
    double step() default 0;
}
