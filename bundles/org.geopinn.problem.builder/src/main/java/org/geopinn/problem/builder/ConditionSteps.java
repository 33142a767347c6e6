package org.geopinn.problem.builder;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.problem.Condition;
import org.geopinn.expr.Vocabulary;

/**
 * The equations' half of {@link ProblemBuilder}'s fluent API: the conditions (loss terms from
 * operator text or Java expressions, periodic pairs, the weight and sampler of the condition
 * declared last), the conditions built into the model ({@link #hard(String)}) and the named
 * coefficients their operators read. A package-private superclass so that the builder's file keeps
 * one concern per part; plugins see these methods as {@link ProblemBuilder}'s own, each returning
 * the builder. The declarations are kept in {@link ConditionDeclarations} and
 * {@link CoefficientDeclarations}, resolved by {@link ProblemBuilder#build()}.
 */
abstract class ConditionSteps {
    /** Default collocation sampler of a condition, as in declared problems. */
    private static final String GRID = "grid";

    final ConditionDeclarations conditions = new ConditionDeclarations();
    final CoefficientDeclarations coefficients = new CoefficientDeclarations();

    /** Only {@link ProblemBuilder} extends it. */
    ConditionSteps() {
    }

    /** @return the builder, for chaining */
    abstract ProblemBuilder self();

    /**
     * A condition {@code operator[u] = source} on a part, sampled on a grid.
     *
     * @param name the condition's name, unique in the problem
     * @param part the domain part where it holds
     * @param operator operator text, e.g. {@code "u_xx + u_yy"} or {@code "u"}
     * @param source the right-hand side as a function of the point
     * @param points the default number of collocation points
     * @return this
     */
    public ProblemBuilder condition(String name, String part, String operator, PointFunction source, int points) {
        if (source == null) {
            conditions.sourceText(name, "0");
        }
        return condition(name, part, v -> operator(v, name, operator), source, points);
    }

    /**
     * @param name the condition's name
     * @param part the domain part where it holds
     * @param operator operator text
     * @param source the right-hand side as text in the variables, e.g. {@code "-2*pi^2*sin(pi*x)*sin(pi*y)"}
     * @param points the default number of collocation points
     * @return this
     */
    public ProblemBuilder condition(String name, String part, String operator, String source, int points) {
        conditions.sourceText(name, source);
        conditions.add(v -> new Condition(name, part, operator(v, name, operator),
                TextForms.coordinates(v, "condition '" + name + "': source", source), 1, points, GRID, null));
        return self();
    }

    /**
     * @param name the condition's name, unique in the problem
     * @param part the domain part where it holds
     * @param operator operator text
     * @param source the right-hand side in Java reading coefficients by name, e.g.
     *        {@code (x, c) -> PI * PI * c.get("k") * sin(PI * x[0])}: it follows a coefficient made parametric
     * @param points the default number of collocation points
     * @return this
     */
    public ProblemBuilder condition(String name, String part, String operator, CoefficientFunction source, int points) {
        Objects.requireNonNull(source, "source");
        conditions.add(v -> new Condition(name, part, operator(v, name, operator),
                CoefficientFunction.bind(source, v, coefficients.unknowns().keySet(), "condition '" + name + "': source"), 1, points,
                GRID, null));
        return self();
    }

    /**
     * A condition with a zero right-hand side.
     *
     * @param name the condition's name
     * @param part the domain part where it holds
     * @param operator operator text
     * @param points the default number of collocation points
     * @return this
     */
    public ProblemBuilder condition(String name, String part, String operator, int points) {
        return condition(name, part, operator, (PointFunction) null, points);
    }

    /**
     * @param name the condition's name
     * @param part the domain part where it holds
     * @param operator the operator as a Java expression on the vocabulary, e.g.
     *        {@code v -> v.d("u", "t").minus(v.d("u", "x", "x").times(0.25))}
     * @param source the right-hand side, or null for zero
     * @param points the default number of collocation points
     * @return this
     */
    public ProblemBuilder condition(String name, String part, Function<Vocabulary, Expr> operator, PointFunction source,
            int points) {
        conditions.add(v -> new Condition(name, part, operator.apply(v), source, 1, points, GRID, null));
        return self();
    }

    /**
     * A periodic condition: {@code operator[u](x) = operator[u](x + s)} for the points x of one face,
     * where the shift s carries it onto the opposite face (docs/GEOMETRY.md, periodic pairs). Both
     * faces of one variable of a box ({@code face}), or {@code xmin}/{@code xmax} (…) of a geometry.
     * Periodic values and slopes are two conditions: operators {@code "u"} and {@code "u_x"}.
     *
     * @param name the condition's name, unique in the problem
     * @param part the face where the points are drawn
     * @param partner the opposite face
     * @param operator operator text, e.g. {@code "u"} or {@code "u_x"}
     * @param points the default number of collocation points
     * @return this
     */
    public ProblemBuilder periodic(String name, String part, String partner, String operator, int points) {
        conditions.add(v -> new Condition(name, part, operator(v, name, operator), null, 1,
                points, GRID, null).withPair(Periodic.translation(name, conditions.builtDomain(), part, partner)));
        return self();
    }

    /**
     * Builds a Dirichlet condition {@code u = g} into the model instead of the loss: the field becomes
     * u = g + φ·N with φ zero on the condition's part and positive inside, from the domain (the faces
     * of a box; the geometry's smooth distance function, {@link Geometry#smoothDistance}), so the
     * boundary values hold exactly and the condition leaves the loss (docs/GEOMETRY.md, hard
     * conditions). The condition's operator must be the field itself and its source text (or none,
     * for zero): g is that text everywhere, its derivatives exact.
     *
     * @param condition the name of a condition declared with text or no source
     * @return this
     */
    public ProblemBuilder hard(String condition) {
        conditions.hard(condition, null);
        return self();
    }

    /**
     * A hard condition whose φ is given as text: zero on the condition's part, positive inside and
     * smooth, e.g. {@code x*(1-x)*y*(1-y)} on the unit square.
     *
     * @param condition the name of a condition declared with text or no source
     * @param distance φ as text in the variables
     * @return this
     */
    public ProblemBuilder hard(String condition, String distance) {
        conditions.hard(condition, Objects.requireNonNull(distance, "distance"));
        return self();
    }

    /**
     * A condition with every setting spelled out (weight, sampler, sampler options).
     *
     * @param condition the condition, built from the vocabulary of this problem
     * @return this
     */
    public ProblemBuilder condition(Function<Vocabulary, Condition> condition) {
        conditions.add(condition);
        return self();
    }

    /**
     * @param weight the fixed loss weight of the condition declared last
     * @return this
     */
    public ProblemBuilder weight(double weight) {
        conditions.amendLast(c -> c.withWeight(weight));
        return self();
    }

    /**
     * @param sampler the sampler id of the condition declared last (default {@code grid})
     * @param options options passed to it (e.g. clustering toward a wall), or an empty map
     * @return this
     */
    public ProblemBuilder sampler(String sampler, Map<String, String> options) {
        conditions.amendLast(c -> c.withSampler(sampler, options));
        return self();
    }

    /**
     * Names a scalar coefficient that operator text may use ({@code u_t - kappa*u_xx}); declare it
     * before the conditions that use it. A session can train it ({@code --unknown kappa=0.1}).
     *
     * @param name the coefficient's name (letters and digits, not a variable or field)
     * @param value its value
     * @return this
     */
    public ProblemBuilder coefficient(String name, double value) {
        coefficients.coefficient(name, value);
        return self();
    }

    /**
     * Names a coefficient that is not known and is trained with the network (an inverse problem):
     * {@link ProblemBuilder#coefficient} with this initial guess, marked unknown. It needs data that depend on it,
     * such as observations ({@link ProblemBuilder#observe}).
     *
     * @param name the coefficient's name
     * @param initialGuess the value training starts from
     * @return this
     */
    public ProblemBuilder unknown(String name, double initialGuess) {
        coefficients.unknown(name, initialGuess);
        return self();
    }

    private static Expr operator(Vocabulary v, String condition, String text) {
        return TextForms.parse(v, "condition '" + condition + "': operator", text);
    }
}
