package org.geopinn.api.solution;

import java.util.List;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;

/**
 * A solved PDE that other software can use: each field and its input derivatives at any points.
 * Sessions publish one when they end (service properties {@code geopinn.problem} and
 * {@code geopinn.session}); one can also be loaded from a results directory. Thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface TrainedSolution {
    /** @return the id of the problem solved */
    String problemId();

    /** @return the input variables */
    List<String> variables();

    /** @return the fields */
    List<String> fields();

    /**
     * @param points n points, row-major n×d (not modified)
     * @param n the number of points
     * @param request the derivatives wanted
     * @param out receives values in the layout {@code ((f*K)+k)*n + i} (modified)
     */
    void evaluate(double[] points, int n, DerivativeRequest request, double[] out);

    /**
     * A solution given by a model and its trained parameters; each call evaluates the model with a
     * fresh evaluator, so the result is thread-safe.
     *
     * @param problemId the problem solved
     * @param variables the input variables
     * @param model the model (its spec names the fields)
     * @param parameters the trained parameters (copied)
     * @return the solution
     */
    static TrainedSolution of(String problemId, List<String> variables, Model model, double[] parameters) {
        return new ModelSolution(problemId, variables, model, parameters);
    }
}
