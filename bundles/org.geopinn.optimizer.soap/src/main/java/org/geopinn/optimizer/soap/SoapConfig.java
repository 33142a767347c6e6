package org.geopinn.optimizer.soap;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of SOAP (each description is also a constant, see Settings.describe). */
@ObjectClassDefinition(name = "Geopinn SOAP",
        description = "Shampoo with Adam in the preconditioner's eigenbasis, per weight matrix; biases by Adam.")
public @interface SoapConfig {
    String LR = "learning rate (reference default 3e-3)";
    String BETA1 = "decay of the first moment (reference 0.95)";
    String BETA2 = "decay of the second moment (reference 0.95)";
    String SHAMPOO_BETA = "decay of the Kronecker factors L, R; negative = use beta2 (the reference)";
    String EPS = "added to √v in the denominator";
    String WEIGHT_DECAY = "decoupled weight decay (reference 0.01; PINN setting 0)";
    String PRECONDITION_FREQUENCY = "refresh the eigenbases by one power iteration + QR every this many steps (reference 10; PINN setting 2)";
    String MAX_PRECOND_DIM = "a side of a weight matrix larger than this is not preconditioned (identity basis)";

    @AttributeDefinition(description = LR)
    double lr() default 3e-3;

    @AttributeDefinition(description = BETA1)
    double beta1() default 0.95;

    @AttributeDefinition(description = BETA2)
    double beta2() default 0.95;

    @AttributeDefinition(description = SHAMPOO_BETA)
    double shampoo_beta() default -1;

    @AttributeDefinition(description = EPS)
    double eps() default 1e-8;

    @AttributeDefinition(description = WEIGHT_DECAY)
    double weight_decay() default 0.0;

    @AttributeDefinition(description = PRECONDITION_FREQUENCY)
    int precondition_frequency() default 2;

    @AttributeDefinition(description = MAX_PRECOND_DIM)
    int max_precond_dim() default 10000;
}
