package org.geopinn.optimizer.soap;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of SOAP; ranges and choices are checked by org.geopinn.settings.Settings. */
@ObjectClassDefinition(name = "Geopinn SOAP",
        description = "Shampoo with Adam in the preconditioner's eigenbasis, per weight matrix; biases by Adam.")
public @interface SoapConfig {
    @AttributeDefinition(description = "learning rate (reference default 3e-3)", min = "4.9E-324")
    double lr() default 3e-3;

    @AttributeDefinition(description = "decay of the first moment (reference 0.95)", min = "0", max = "0.999999")
    double beta1() default 0.95;

    @AttributeDefinition(description = "decay of the second moment (reference 0.95)", min = "0", max = "0.99999999")
    double beta2() default 0.95;

    @AttributeDefinition(description = "decay of the Kronecker factors L, R; negative = use beta2 (the reference)", min = "-1", max = "0.99999999")
    double shampoo_beta() default -1;

    @AttributeDefinition(description = "added to √v in the denominator", min = "4.9E-324")
    double eps() default 1e-8;

    @AttributeDefinition(description = "decoupled weight decay (reference 0.01; PINN setting 0)", min = "0", max = "1")
    double weight_decay() default 0.0;

    @AttributeDefinition(description = "refresh the eigenbases by one power iteration + QR every this many steps (reference 10; PINN setting 2)", min = "1", max = "1000000")
    int precondition_frequency() default 2;

    @AttributeDefinition(description = "a side of a weight matrix larger than this is not preconditioned (identity basis)", min = "1", max = "1000000")
    int max_precond_dim() default 10000;
}
