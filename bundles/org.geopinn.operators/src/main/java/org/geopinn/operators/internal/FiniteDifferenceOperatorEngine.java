package org.geopinn.operators.internal;

import java.util.Map;
import org.geopinn.api.model.Model;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Problem;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.FiniteDifferenceEvaluator;
import org.geopinn.operators.StackedResidualSystem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Operator engine with input derivatives by central finite differences (step h from the
 * configuration), for comparing against exact derivatives (Chen et al., 2024).
 */
@Component(service = OperatorEngine.class, configurationPid = "org.geopinn.operators.finitedifference",
    property = {"geopinn.id=finite-difference",
        "geopinn.description=Input derivatives by second-order central finite differences of model values"})
@Designate(ocd = FiniteDifferenceConfig.class)
public final class FiniteDifferenceOperatorEngine implements OperatorEngine {
    private volatile EvaluatorFactory evaluators;

    /** An engine with the automatic step per derivative order (the DS constructor). */
    public FiniteDifferenceOperatorEngine() {
        this(0);
    }

    /** @param step the stencil step h for every order, or 0 for the automatic step */
    public FiniteDifferenceOperatorEngine(double step) {
        this.evaluators = FiniteDifferenceEvaluator.factory(step);
    }

    /** @param config the configured step */
    @Activate
    @Modified
    void configure(FiniteDifferenceConfig config) {
        evaluators = FiniteDifferenceEvaluator.factory(config.step());
    }

    @Override
    public String id() {
        return "finite-difference";
    }

    @Override
    public ResidualSystem build(Problem problem, Model model, Map<String, double[]> points, LossScaling scaling) {
        return StackedResidualSystem.build(problem, model, points, scaling, evaluators);
    }
}
