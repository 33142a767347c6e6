package org.geopinn.operators;

import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.operators.internal.AutodiffOperatorEngine;
import org.geopinn.operators.internal.FiniteDifferenceOperatorEngine;

/**
 * The operator engines of this bundle without a framework (in a framework they are
 * {@link OperatorEngine} services with the same ids): {@code autodiff}, exact input derivatives from
 * the model's evaluator, and {@code finite-difference}, second-order central stencils (automatic
 * step per derivative order, or the step given to {@link #finiteDifference(double)}).
 */
public final class OperatorEngines {
    private OperatorEngines() {
    }

    /** @return the engine ids, sorted */
    public static List<String> ids() {
        return List.of("autodiff", "finite-difference");
    }

    /**
     * @param id an engine id
     * @return a new engine with default settings
     * @throws GeopinnException for an unknown id, naming the known ones
     */
    public static OperatorEngine create(String id) {
        switch (id == null ? "" : id) {
            case "autodiff": return new AutodiffOperatorEngine();
            case "finite-difference": return new FiniteDifferenceOperatorEngine();
            default: throw new GeopinnException("unknown operator engine '" + id + "'; engines are " + ids());
        }
    }

    /**
     * @param step the stencil step h in input units for every order, or 0 for the automatic step
     * @return a finite-difference engine with that step
     */
    public static OperatorEngine finiteDifference(double step) {
        return new FiniteDifferenceOperatorEngine(step);
    }
}
