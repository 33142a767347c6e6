package org.geopinn.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.Symbols;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.HardConstraint;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.api.session.SessionSpec;

/**
 * The problem a session trains, seen through its spec: the conditions it leaves out
 * ({@link SessionSpec#leftOut()}), the trained coefficients it holds fixed
 * ({@link SessionSpec#known()}), then the coefficients it trains on top of the problem's own
 * ({@link SessionSpec#unknowns()}, {@code --unknown kappa=0.1}: the problem's {@link Problem#unknowns()}
 * then lists them all, so the operator engine gives them Jacobian columns). Holding a trained coefficient fixed rewrites the operators: each
 * occurrence of the coefficient becomes the given value, and it leaves θ. This is what the field
 * of an inverse problem at its estimated coefficient needs: the PDE and its initial and boundary
 * conditions alone, at ν̂, without the noisy observations.
 */
final class SessionProblem {
    private SessionProblem() {
    }

    /**
     * @param service the problem service
     * @param spec the session's spec
     * @return the problem the session trains (the service itself when the spec changes nothing)
     * @throws GeopinnException naming a condition the problem does not have, a coefficient it does not
     *         train, a coefficient both trained and held fixed, a non-finite value, or no condition left
     */
    static Problem of(Problem service, SessionSpec spec) {
        Problem p = service;
        if (!spec.leftOut().isEmpty()) {
            p = leaveOut(p, spec.leftOut());
        }
        if (!spec.known().isEmpty()) {
            p = hold(p, spec.known(), spec.unknowns());
        }
        return train(p, spec.unknowns());
    }

    /**
     * @param problem a problem
     * @param extra coefficients to train besides its own unknowns, name → initial value
     * @return the problem itself when there are none, else the problem with them added to its unknowns
     * @throws GeopinnException naming a coefficient the problem does not have, or a non-finite initial value
     */
    static Problem train(Problem problem, Map<String, Double> extra) {
        if (extra.isEmpty()) {
            return problem;
        }
        SortedMap<String, Double> all = new TreeMap<>(problem.unknowns());
        for (Map.Entry<String, Double> e : extra.entrySet()) {
            if (!problem.coefficients().containsKey(e.getKey())) {
                throw new GeopinnException("problem '" + problem.id() + "' has no coefficient '" + e.getKey() + "' to train; "
                        + (problem.coefficients().isEmpty() ? "it names no coefficients"
                                : "its coefficients are " + problem.coefficients()));
            }
            if (!Double.isFinite(e.getValue())) {
                throw new GeopinnException("the initial value of unknown '" + e.getKey() + "' is " + e.getValue()
                        + "; it must be a finite number");
            }
            all.put(e.getKey(), e.getValue());
        }
        return new Variant(problem, problem.conditions(), Collections.unmodifiableSortedMap(all), problem.coefficients());
    }

    private static Problem leaveOut(Problem problem, List<String> names) {
        List<String> all = problem.conditions().stream().map(Condition::name).toList();
        for (String name : names) {
            if (!all.contains(name)) {
                throw new GeopinnException("problem '" + problem.id() + "' has no condition '" + name + "' to leave out; its conditions are "
                        + all);
            }
        }
        List<Condition> kept = problem.conditions().stream().filter(c -> !names.contains(c.name())).toList();
        if (kept.isEmpty()) {
            throw new GeopinnException("leaving out " + names + " leaves problem '" + problem.id() + "' no condition to train on");
        }
        return new Variant(problem, kept, problem.unknowns(), problem.coefficients());
    }

    private static Problem hold(Problem problem, Map<String, Double> known, Map<String, Double> trainedBySpec) {
        SortedMap<String, Double> unknowns = new TreeMap<>(problem.unknowns());
        SortedMap<String, Double> coefficients = new TreeMap<>(problem.coefficients());
        for (Map.Entry<String, Double> e : known.entrySet()) {
            String name = e.getKey();
            if (trainedBySpec.containsKey(name)) {
                throw new GeopinnException("coefficient '" + name + "' is both trained (--unknown) and held fixed (--known); give it to one");
            }
            if (!problem.unknowns().containsKey(name)) {
                throw new GeopinnException("problem '" + problem.id() + "' does not train a coefficient '" + name + "' to hold fixed; "
                        + (problem.unknowns().isEmpty() ? "it trains none" : "it trains " + problem.unknowns().keySet()));
            }
            if (!Double.isFinite(e.getValue())) {
                throw new GeopinnException("the value of known coefficient '" + name + "' is " + e.getValue() + "; it must be a finite number");
            }
            unknowns.remove(name);
            coefficients.put(name, e.getValue());
        }
        List<Condition> conditions = new ArrayList<>();
        for (Condition c : problem.conditions()) {
            conditions.add(new Condition(c.name(), c.part(), substitute(c.operator(), known), c.source(), c.weight(), c.points(),
                    c.sampler(), c.samplerOptions(), c.data(), c.pair()));
        }
        return new Variant(problem, conditions, Collections.unmodifiableSortedMap(unknowns),
                Collections.unmodifiableSortedMap(coefficients));
    }

    /**
     * @param e an operator
     * @param values coefficient name → value
     * @return {@code e} with each coefficient of those names a constant function of that value
     */
    static Expr substitute(Expr e, Map<String, Double> values) {
        if (e instanceof Expr.Coefficient c) {
            Double v = values.get(c.name());
            if (v == null) {
                return c;
            }
            double value = v;
            return new Expr.Coefficient(c.name(), x -> value); // still named: messages and printing keep the name
        }
        if (e instanceof Expr.Sum s) {
            return new Expr.Sum(s.terms().stream().map(t -> substitute(t, values)).toList());
        }
        if (e instanceof Expr.Product p) {
            return new Expr.Product(p.factors().stream().map(f -> substitute(f, values)).toList());
        }
        if (e instanceof Expr.Quotient q) {
            return new Expr.Quotient(substitute(q.numerator(), values), substitute(q.denominator(), values));
        }
        if (e instanceof Expr.Power pw) {
            return new Expr.Power(substitute(pw.base(), values), pw.exponent());
        }
        if (e instanceof Expr.Call call) {
            return new Expr.Call(call.function(), substitute(call.argument(), values));
        }
        return e; // constants, coordinates, field derivatives
    }

    /** A problem service with other conditions and coefficients; everything else is the service's. */
    private record Variant(Problem problem, List<Condition> conditions, SortedMap<String, Double> unknowns,
            SortedMap<String, Double> coefficients) implements Problem {
        @Override
        public String id() {
            return problem.id();
        }

        @Override
        public String description() {
            return problem.description();
        }

        @Override
        public Symbols vocabulary() {
            return problem.vocabulary();
        }

        @Override
        public Domain domain() {
            return problem.domain();
        }

        @Override
        public Optional<ReferenceSolution> reference() {
            return problem.reference();
        }

        @Override
        public Map<String, String> defaults() {
            return problem.defaults();
        }

        @Override
        public List<HardConstraint> hardConstraints() {
            return problem.hardConstraints();
        }
    }
}
