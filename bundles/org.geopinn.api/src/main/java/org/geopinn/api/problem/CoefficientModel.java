package org.geopinn.api.problem;

import java.util.Arrays;
import java.util.List;
import org.geopinn.api.model.Model;

/**
 * A model whose parameter vector carries the trained coefficients of an inverse problem
 * ({@link Problem#unknowns()}) after the network's parameters: θ = (θ_network, c_1 … c_U), one
 * block {@value #BLOCK_PREFIX}{@code NAME} (1×1, kind
 * {@link org.geopinn.api.model.ParameterBlock.Kind#OTHER}) per unknown, in the order of the names.
 * So every optimizer, checkpoint and resume handles the coefficients as ordinary parameters, and an
 * operator engine finds a coefficient's entry of θ by its name. The network's values do not depend
 * on the coefficients; the residual system adds the operator's dependence on them.
 *
 * <p>The contract only: the models bundle's {@code TrainedCoefficientModel} implements it (the
 * engine extends every session's network with it). The static methods read any model, so a consumer
 * need not know whether a session trains coefficients.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CoefficientModel extends Model {
    /** Prefix of the parameter blocks that hold coefficients. */
    String BLOCK_PREFIX = "coefficient.";

    /** @return the names of the trained coefficients, in θ order (at least one) */
    List<String> names();

    /** @return the network without the coefficients */
    Model network();

    /**
     * @param model a model
     * @return the names of the coefficients its parameter vector carries (blocks {@code coefficient.NAME}), in θ order
     */
    static List<String> coefficientNames(Model model) {
        return model instanceof CoefficientModel c ? c.names() : List.of();
    }

    /**
     * @param model a model
     * @return the network without the coefficients (the model itself when it has none)
     */
    static Model network(Model model) {
        return model instanceof CoefficientModel c ? c.network() : model;
    }

    /**
     * @param model a model
     * @param theta its parameters
     * @return the trained coefficients' values, the last entries of θ (empty when it carries none)
     */
    static double[] coefficients(Model model, double[] theta) {
        int u = coefficientNames(model).size();
        return Arrays.copyOfRange(theta, theta.length - u, theta.length);
    }
}
