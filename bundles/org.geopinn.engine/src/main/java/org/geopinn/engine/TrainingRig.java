package org.geopinn.engine;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Problem;
import org.geopinn.models.HardConstraintModel;
import org.geopinn.models.TrainedCoefficientModel;

/**
 * What a session trains with, built from the services present: the problem, the model, the
 * residual system over freshly drawn points and the reference errors. Rebuilt from scratch when
 * a service it uses comes back after going away (the parameters live outside it).
 */
final class TrainingRig {
    /** The problem trained: the service as the spec changes it ({@link SessionProblem}). */
    final Problem problem;
    /** The problem service itself. */
    final Problem service;
    final ModelFactory modelFactory;
    final OperatorEngine engine;
    final Model model;
    final ResidualSystem system;
    /** Null when the problem has no reference solution. */
    final ReferenceErrors errors;

    private TrainingRig(Problem service, Problem problem, ModelFactory modelFactory, OperatorEngine engine, Model model,
            ResidualSystem system, ReferenceErrors errors) {
        this.service = service;
        this.problem = problem;
        this.modelFactory = modelFactory;
        this.engine = engine;
        this.model = model;
        this.system = system;
        this.errors = errors;
    }

    /**
     * @param resolved the resolved spec
     * @param directory where the services are
     * @param round the resampling round whose points to draw
     * @return the rig
     * @throws GeopinnException when a service is missing or problem and model do not fit
     */
    static TrainingRig build(ResolvedSpec resolved, ServiceDirectory directory, long round) {
        SpecResolver ids = new SpecResolver(directory);
        Problem service = ids.require(Problem.class, resolved.spec().problemId(), "problem");
        Problem problem = SessionProblem.of(service, resolved.spec());
        ModelFactory factory = ids.require(ModelFactory.class, resolved.spec().modelId(), "model");
        OperatorEngine engine = ids.require(OperatorEngine.class, resolved.spec().engineId(), "operator engine");
        SizeGuard.model(resolved.modelSpec());
        SizeGuard.points(problem, resolved.spec(), resolved.modelSpec().hidden(),
                resolved.spec().collocation() != null ? resolved.spec().collocation().reference()
                        : resolved.spec().resampleEvery() > 0 ? AdaptiveResampling.CANDIDATES_PER_POINT : 1,
                engine.evaluatesPointsHere());
        // u = g + φ·N for hard conditions; θ = (network, trained coefficients): optimizers, checkpoints
        // and resume see one vector.
        Model model = TrainedCoefficientModel.extend(HardConstraintModel.wrap(factory.create(resolved.modelSpec()),
                problem.hardConstraints()), problem.unknowns());
        ResidualSystem system;
        try {
            Map<String, double[]> points = CollocationPoints.sample(problem, resolved.spec(), directory, round);
            system = engine.build(problem, model, points, resolved.spec().scaling());
        } catch (OutOfMemoryError e) { // the guard's bound is a lower one: say so in one line, nothing is lost yet
            throw new GeopinnException(SizeGuard.buildExhausted(engine.id()));
        }
        if (system.parameterCount() != model.parameterCount()) {
            throw new GeopinnException("operator engine '" + engine.id() + "' built a system of " + system.parameterCount()
                    + " parameters for a model of " + model.parameterCount());
        }
        ReferenceErrors errors = problem.reference().map(r -> new ReferenceErrors(problem.domain(), r, model)).orElse(null);
        return new TrainingRig(service, problem, factory, engine, model, system, errors);
    }

    /** @param service a service object @return whether this rig uses it */
    boolean uses(Object service) {
        return service == this.service || service == modelFactory || service == engine;
    }
}
