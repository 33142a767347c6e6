package org.geopinn.operators.internal;

import java.util.Map;
import org.geopinn.api.model.Model;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Problem;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.osgi.service.component.annotations.Component;

/** Operator engine with exact input derivatives from the model's own (Taylor-mode) evaluator. */
@Component(service = OperatorEngine.class, property = {"geopinn.id=autodiff",
    "geopinn.description=Exact input derivatives by automatic differentiation (Taylor-mode jets)"})
public final class AutodiffOperatorEngine implements OperatorEngine {
    @Override
    public String id() {
        return "autodiff";
    }

    @Override
    public ResidualSystem build(Problem problem, Model model, Map<String, double[]> points, LossScaling scaling) {
        return StackedResidualSystem.build(problem, model, points, scaling, EvaluatorFactory.EXACT);
    }
}
