package org.geopinn.reproductions;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.FiniteDifferenceEvaluator;
import org.geopinn.operators.StackedResidualSystem;

/**
 * Chen et al.'s system matrix A and right-hand side f of the random feature model, assembled by the
 * same code that trains: the {@code random-features} model of the models bundle (sin, w, b ~ U[−1, 1]
 * from the feature seed, raw inputs) and the residual system of the operators bundle, with exact
 * input derivatives (what the {@code autodiff} engine uses) or central finite differences of step
 * h (what the {@code finite-difference} engine uses). The model is linear in its parameters a, so
 * the residual r(a) = A a − f and A is the Jacobian; f = −r(0).
 *
 * @param a the matrix, row-major rows×features
 * @param f the right-hand side
 * @param rows N
 * @param features M
 */
record SystemMatrices(double[] a, double[] f, int rows, int features) {

    /**
     * @param variables the input names, e.g. x or x, y
     * @param lower lower domain bounds
     * @param upper upper domain bounds
     * @param operator the PDE operator in those names, acting on field {@code u}
     * @param source the right-hand side f
     * @param points the collocation points, row-major N×d
     * @param features M
     * @param featureSeed the seed of the fixed inner weights
     * @param finiteDifferenceStep 0 for exact derivatives, else the stencil step h
     * @return A and f
     */
    static SystemMatrices assemble(List<String> variables, double[] lower, double[] upper, Function<Vocabulary, Expr> operator,
            PointFunction source, double[] points, int features, long featureSeed, double finiteDifferenceStep) {
        Vocabulary v = new Vocabulary(variables, List.of("u"));
        Domain domain = new Domain(variables, lower, upper, List.of(DomainPart.interior("interior")));
        int n = points.length / variables.size();
        Condition pde = Condition.of("pde", "interior", operator.apply(v), source, n);
        Problem problem = new PdeOnly(v, domain, pde);
        ModelSpec spec = new ModelSpec(lower, upper, List.of("u"), new int[] {features}, "sin", "xavier", false, false,
                Map.of("features", Integer.toString(features), "feature-seed", Long.toString(featureSeed)));
        Model model = StandardModels.create("random-features", spec);
        EvaluatorFactory evaluators = finiteDifferenceStep > 0 ? FiniteDifferenceEvaluator.factory(finiteDifferenceStep) : EvaluatorFactory.EXACT;
        ResidualSystem system = StackedResidualSystem.build(problem, model, Map.of("pde", points), LossScaling.SUM, evaluators);
        int p = system.parameterCount();
        double[] theta = new double[p];
        double[] a = new double[n * p];
        system.jacobian(theta, a);
        double[] f = new double[n];
        system.residuals(theta, f);
        for (int i = 0; i < n; i++) {
            f[i] = -f[i];
        }
        return new SystemMatrices(a, f, n, p);
    }

    /** A problem with the PDE condition only: Chen et al.'s system matrix has no boundary rows. */
    private record PdeOnly(Vocabulary vocabulary, Domain domain, Condition pde) implements Problem {
        @Override
        public String id() {
            return "random-feature-pde";
        }

        @Override
        public String description() {
            return "Chen, Yang, Xiang & Hao (2024) PDE rows";
        }

        @Override
        public List<Condition> conditions() {
            return List.of(pde);
        }
    }
}
