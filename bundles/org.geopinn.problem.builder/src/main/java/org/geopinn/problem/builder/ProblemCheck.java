package org.geopinn.problem.builder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.ExprLimits;
import org.geopinn.expr.ExprPrinter;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;

/**
 * Checks that a problem is consistent before any training starts: variables and domain agree,
 * every condition names an existing part, operators only use the problem's fields and variables,
 * every field is constrained by some condition, counts and weights are sensible, operators stay
 * within {@link ExprLimits} (nesting depth, derivative order), and sources and the field-free terms
 * of operators are finite at a reproducible sample of points of their part (corners, edges, random
 * points: {@code PartSample}). Reference solutions are not evaluated here: some are computed lazily and are
 * expensive. Used by the problems written in Java, by declared
 * problems, and by engines for third-party problems, so every path reports the same one-line
 * messages.
 */
public final class ProblemCheck {
    private ProblemCheck() {
    }

    /**
     * @param problem the problem to check
     * @throws GeopinnException naming the problem and the first inconsistency found
     */
    public static void validate(Problem problem) {
        String id = problem.id();
        if (id == null || !id.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new GeopinnException("problem id '" + id + "' is not valid: use lower-case letters, digits, '-' and '.'");
        }
        try {
            check(problem);
        } catch (GeopinnException e) {
            throw new GeopinnException("problem '" + id + "': " + e.getMessage(), e);
        }
    }

    private static void check(Problem problem) {
        List<String> variables = problem.vocabulary().variables();
        List<String> fields = problem.vocabulary().fields();
        Domain domain = problem.domain();
        if (!domain.variables().equals(variables)) {
            throw new GeopinnException("the domain's variables " + domain.variables()
                    + " differ from the operators' variables " + variables + " (dimension " + domain.dimension()
                    + " against " + variables.size() + ")");
        }
        if (fields.isEmpty()) {
            throw new GeopinnException("no fields are declared");
        }
        List<Condition> conditions = problem.conditions();
        if (conditions.isEmpty()) {
            throw new GeopinnException("no conditions are declared");
        }
        Set<String> names = new HashSet<>();
        Set<Integer> constrained = new HashSet<>();
        for (Condition c : conditions) {
            if (!names.add(c.name())) {
                throw new GeopinnException("condition '" + c.name() + "' is declared twice");
            }
            checkCondition(c, domain, variables, fields, constrained);
        }
        for (int f = 0; f < fields.size(); f++) {
            if (!constrained.contains(f)) {
                throw new GeopinnException("field '" + fields.get(f) + "' appears in no condition, so nothing determines it");
            }
        }
        checkUnknowns(problem);
    }

    /**
     * Every trained coefficient must be a coefficient of the problem, with a finite initial value,
     * and appear in some operator (otherwise nothing determines it).
     *
     * @param problem the problem
     * @throws GeopinnException naming the first unknown that is not
     */
    public static void checkUnknowns(Problem problem) {
        for (java.util.Map.Entry<String, Double> u : problem.unknowns().entrySet()) {
            String name = u.getKey();
            if (!problem.coefficients().containsKey(name)) {
                throw new GeopinnException("the unknown '" + name + "' is not a coefficient of the problem; coefficients are "
                        + problem.coefficients().keySet());
            }
            if (!Double.isFinite(u.getValue())) {
                throw new GeopinnException("the initial value of unknown '" + name + "' is " + u.getValue()
                        + "; it must be a finite number");
            }
            boolean used = problem.conditions().stream().anyMatch(c -> usesCoefficient(c.operator(), name));
            if (!used) {
                throw new GeopinnException("the unknown '" + name + "' appears in no operator, so nothing determines it");
            }
        }
    }

    private static boolean usesCoefficient(org.geopinn.api.expr.Expr e, String name) {
        if (e instanceof org.geopinn.api.expr.Expr.Coefficient c) {
            return c.name().equals(name);
        } else if (e instanceof org.geopinn.api.expr.Expr.Sum s) {
            return s.terms().stream().anyMatch(t -> usesCoefficient(t, name));
        } else if (e instanceof org.geopinn.api.expr.Expr.Product p) {
            return p.factors().stream().anyMatch(t -> usesCoefficient(t, name));
        } else if (e instanceof org.geopinn.api.expr.Expr.Quotient q) {
            return usesCoefficient(q.numerator(), name) || usesCoefficient(q.denominator(), name);
        } else if (e instanceof org.geopinn.api.expr.Expr.Power p) {
            return usesCoefficient(p.base(), name);
        } else if (e instanceof org.geopinn.api.expr.Expr.Call c) {
            return usesCoefficient(c.argument(), name);
        }
        return false;
    }

    private static List<double[]> rows(double[] points, int d) {
        List<double[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < points.length / d; i++) {
            out.add(java.util.Arrays.copyOfRange(points, i * d, (i + 1) * d));
        }
        return out;
    }

    private static void checkCondition(Condition c, Domain domain, List<String> variables, List<String> fields,
            Set<Integer> constrained) {
        String where = "condition '" + c.name() + "': ";
        boolean partExists = domain.parts().stream().anyMatch(p -> p.name().equals(c.part()));
        if (!partExists) {
            throw new GeopinnException(where + "domain part '" + c.part() + "' does not exist; parts are "
                    + domain.parts().stream().map(DomainPart::name).toList());
        }
        if (c.points() <= 0) {
            throw new GeopinnException(where + "needs a positive number of points, got " + c.points());
        }
        if (!(c.weight() > 0) || Double.isInfinite(c.weight())) {
            throw new GeopinnException(where + "weight must be positive and finite, got " + c.weight());
        }
        try {
            // First, before anything walks the tree recursively: its depth and derivative orders.
            ExprLimits.check(c.operator());
        } catch (GeopinnException e) {
            throw new GeopinnException(where + e.getMessage(), e);
        }
        List<Expr.FieldDerivative> used = ExprPrinter.fieldDerivatives(c.operator());
        if (used.isEmpty()) {
            throw new GeopinnException(where + "the operator '" + ExprPrinter.print(c.operator(), variables)
                    + "' uses no field " + fields);
        }
        for (Expr.FieldDerivative d : used) {
            if (d.field() < 0 || d.field() >= fields.size() || !fields.get(d.field()).equals(d.fieldName())) {
                throw new GeopinnException(where + "the operator uses field '" + d.fieldName()
                        + "', which is not among the fields " + fields);
            }
            if (d.orders().length != variables.size()) {
                throw new GeopinnException(where + "a derivative of '" + d.fieldName() + "' has " + d.orders().length
                        + " variable orders but the problem has " + variables.size() + " variables " + variables);
            }
            constrained.add(d.field());
        }
        checkCoordinates(c.operator(), variables, where);
        DomainPart part = domain.part(c.part());
        try {
            FiniteValues.check(c, c.data() != null ? rows(c.data(), variables.size()) : PartSample.of(domain, part), variables);
        } catch (GeopinnException e) {
            throw new GeopinnException(where + e.getMessage(), e);
        }
    }

    private static void checkCoordinates(Expr e, List<String> variables, String where) {
        List<Expr> stack = new ArrayList<>(List.of(e));
        while (!stack.isEmpty()) {
            Expr x = stack.remove(stack.size() - 1);
            if (x instanceof Expr.Coordinate c) {
                if (c.index() < 0 || c.index() >= variables.size() || !variables.get(c.index()).equals(c.name())) {
                    throw new GeopinnException(where + "the operator uses variable '" + c.name()
                            + "', which is not among the variables " + variables);
                }
            } else if (x instanceof Expr.Sum s) {
                stack.addAll(s.terms());
            } else if (x instanceof Expr.Product p) {
                stack.addAll(p.factors());
            } else if (x instanceof Expr.Quotient q) {
                stack.add(q.numerator());
                stack.add(q.denominator());
            } else if (x instanceof Expr.Power p) {
                stack.add(p.base());
            } else if (x instanceof Expr.Call call) {
                stack.add(call.argument());
            }
        }
    }
}
