package org.geopinn.problem.builder;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.ExprPrinter;
import org.geopinn.api.problem.Condition;

/**
 * Checks that a condition's data can be trained on: its source, and every part of its operator
 * that does not involve the fields (constants, coordinate functions, Java coefficients), are
 * finite at every point of a sample of its domain part, and no field term is divided by something
 * that vanishes there. {@code u/0}, {@code log(0)*u} or a source {@code sqrt(x-0.5)} would give a
 * loss that is NaN or infinite from the first step on; they are refused where they are declared,
 * naming the term and the point.
 */
final class FiniteValues {
    private FiniteValues() {
    }

    /**
     * @param c the condition
     * @param points the sample of its part
     * @param variables the variable names, for messages
     * @throws GeopinnException naming the term, its value and the point
     */
    static void check(Condition c, List<double[]> points, List<String> variables) {
        List<Expr> fixedTerms = new ArrayList<>();
        List<Expr> divisors = new ArrayList<>();
        collect(c.operator(), fixedTerms, divisors);
        for (double[] x : points) {
            double s = c.source().value(x.clone());
            if (!Double.isFinite(s)) {
                throw new GeopinnException("the source is " + s + " at " + PartSample.describe(variables, x)
                        + " of part '" + c.part() + "'; it must be finite on the whole part");
            }
            for (Expr term : fixedTerms) {
                double v = ExprPrinter.valueAt(term, x.clone());
                if (!Double.isFinite(v)) {
                    throw new GeopinnException("the term '" + text(term, variables) + "' of the operator is " + v + " at "
                            + PartSample.describe(variables, x) + " of part '" + c.part() + "'; it must be finite on the whole part");
                }
            }
            for (Expr divisor : divisors) {
                if (ExprPrinter.valueAt(divisor, x.clone()) == 0) {
                    throw new GeopinnException("the operator divides by '" + text(divisor, variables) + "', which is 0 at "
                            + PartSample.describe(variables, x) + " of part '" + c.part() + "'");
                }
            }
        }
    }

    /**
     * Gathers the maximal subtrees without fields (their values must be finite) and the field-free
     * denominators of quotients (they must not vanish), without recursion.
     */
    private static void collect(Expr root, List<Expr> fixedTerms, List<Expr> divisors) {
        List<Expr> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Expr e = stack.remove(stack.size() - 1);
            if (!ExprPrinter.dependsOnFields(e)) {
                if (!(e instanceof Expr.Constant k) || !Double.isFinite(k.value())) {
                    fixedTerms.add(e);
                }
                continue;
            }
            if (e instanceof Expr.Sum s) {
                stack.addAll(s.terms());
            } else if (e instanceof Expr.Product p) {
                stack.addAll(p.factors());
            } else if (e instanceof Expr.Quotient q) {
                stack.add(q.numerator());
                if (ExprPrinter.dependsOnFields(q.denominator())) {
                    stack.add(q.denominator());
                } else {
                    fixedTerms.add(q.denominator());
                    divisors.add(q.denominator());
                }
            } else if (e instanceof Expr.Power p) {
                stack.add(p.base());
            } else if (e instanceof Expr.Call call) {
                stack.add(call.argument());
            }
        }
    }

    private static String text(Expr e, List<String> variables) {
        String t = ExprPrinter.print(e, variables);
        return t.length() <= 80 ? t : t.substring(0, 77) + "…";
    }
}
