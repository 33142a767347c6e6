package org.geopinn.operators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.ExprPrinter;
import org.geopinn.api.model.Model;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;

/**
 * Checks, before any training, that a problem, a model and collocation points fit together, so that
 * a user mistake becomes one clear line instead of an index error deep in a training step.
 */
final class ProblemCheck {
    private ProblemCheck() {
    }

    static void check(Problem problem, Model model, Map<String, double[]> points) {
        if (problem == null || model == null || points == null) {
            throw new GeopinnException("a residual system needs a problem, a model and points");
        }
        String id = problem.id();
        Domain domain = problem.domain();
        int d = domain.dimension();
        List<String> variables = problem.vocabulary().variables();
        if (variables.size() != d) {
            throw new GeopinnException("problem '" + id + "' declares variables " + variables + " but its domain has "
                    + d + " dimensions " + domain.variables());
        }
        int inputs = model.spec().inputDimension();
        if (inputs != d) {
            throw new GeopinnException("the model takes " + inputs + " inputs but problem '" + id + "' has " + d
                    + " variables " + variables);
        }
        List<String> modelFields = model.spec().fields();
        List<Condition> conditions = problem.conditions();
        if (conditions.isEmpty()) {
            throw new GeopinnException("problem '" + id + "' has no conditions");
        }
        Set<String> names = new HashSet<>();
        List<String> conditionNames = new ArrayList<>();
        for (Condition c : conditions) {
            if (!names.add(c.name())) {
                throw new GeopinnException("problem '" + id + "' has two conditions named '" + c.name() + "'");
            }
            conditionNames.add(c.name());
            if (domain.parts().stream().noneMatch(p -> p.name().equals(c.part()))) {
                throw new GeopinnException("condition '" + c.name() + "' holds on domain part '" + c.part()
                        + "', which the domain does not have; parts are "
                        + domain.parts().stream().map(p -> p.name()).toList());
            }
            checkOperator(c, modelFields, variables);
            if (!(c.weight() >= 0) || Double.isInfinite(c.weight())) {
                throw new GeopinnException("condition '" + c.name() + "' has weight " + c.weight()
                        + "; weights must be finite and non-negative");
            }
            double[] p = points.get(c.name());
            if (p == null) {
                throw new GeopinnException("no collocation points for condition '" + c.name() + "'; points were given for "
                        + points.keySet());
            }
            checkPoints(c.name(), p, d);
        }
        for (String key : points.keySet()) {
            if (!names.contains(key)) {
                throw new GeopinnException("points were given for '" + key + "', which is not a condition of problem '"
                        + id + "'; conditions are " + conditionNames);
            }
        }
    }

    private static void checkOperator(Condition c, List<String> modelFields, List<String> variables) {
        List<Expr.FieldDerivative> leaves = ExprPrinter.fieldDerivatives(c.operator());
        if (leaves.isEmpty()) {
            throw new GeopinnException("the operator of condition '" + c.name() + "' does not involve any field");
        }
        for (Expr.FieldDerivative leaf : leaves) {
            if (leaf.field() < 0 || leaf.field() >= modelFields.size()) {
                throw new GeopinnException("condition '" + c.name() + "' uses field '" + leaf.fieldName() + "' (#"
                        + leaf.field() + ") but the model has " + modelFields.size() + " field(s) " + modelFields);
            }
            if (leaf.orders().length != variables.size()) {
                throw new GeopinnException("condition '" + c.name() + "' differentiates '" + leaf.fieldName() + "' in "
                        + leaf.orders().length + " variables but the problem has " + variables.size() + " " + variables);
            }
        }
        int maxCoordinate = ExpressionProgram.compile(c.operator()).maxCoordinateIndex();
        if (maxCoordinate >= variables.size()) {
            throw new GeopinnException("the operator of condition '" + c.name() + "' uses coordinate #" + maxCoordinate
                    + " but the problem has " + variables.size() + " variables " + variables);
        }
    }

    /**
     * @param name the condition's name, for the message
     * @param points row-major n×d
     * @param d the dimension
     */
    static void checkPoints(String name, double[] points, int d) {
        if (points == null || points.length == 0) {
            throw new GeopinnException("condition '" + name + "' has no collocation points");
        }
        if (points.length % d != 0) {
            throw new GeopinnException("the points of condition '" + name + "' hold " + points.length
                    + " numbers, not a multiple of the dimension " + d + " (points are row-major n×d)");
        }
        for (double v : points) {
            if (!Double.isFinite(v)) {
                throw new GeopinnException("the points of condition '" + name + "' contain " + v);
            }
        }
    }
}
