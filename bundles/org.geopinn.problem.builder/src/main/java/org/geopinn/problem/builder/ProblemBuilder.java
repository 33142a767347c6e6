package org.geopinn.problem.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.HardConstraint;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.problem.ReferenceSolution;

/**
 * Builds a {@link Problem} in a few lines:
 *
 * <pre>{@code
 * Problem p = ProblemBuilder.problem("poisson-sine", "2-D Poisson -Δu = f on [0,1]²")
 *         .variable("x", 0, 1).variable("y", 0, 1).field("u")
 *         .condition("pde", "interior", "-(u_xx + u_yy)", x -> 2 * PI * PI * sin(PI * x[0]) * sin(PI * x[1]), 400)
 *         .condition("boundary", "boundary", "u", 80)
 *         .reference(x -> sin(PI * x[0]) * sin(PI * x[1]))
 *         .setting(ProblemDefaults.HIDDEN, "32")
 *         .build();
 * }</pre>
 *
 * <p>The domain is the box of the variables' bounds, or a geometry ({@link #domain(Geometry, String...)}). Three parts exist without being declared,
 * as in declared problems: {@code interior}, {@code boundary} (the faces of every variable but
 * {@code t}) and, when there is a variable {@code t}, {@code initial} (t at its lower bound);
 * {@link #boundary(String, String...)} and {@link #face(String, String, boolean)} add others.
 * Operators are operator text ({@link Vocabulary#parse}, e.g. {@code "u_t - 0.25*u_xx"}) or Java
 * expressions on the vocabulary ({@code v -> v.laplacian("u").times(-1)}); sources and exact
 * solutions are Java functions of the point or text in the variables ({@code "sin(pi*x)"}).
 * Boundary conditions may use the outward normal derivative {@code dn(u)}: Neumann {@code dn(u)},
 * Robin {@code u + 0.5*dn(u)}.
 * Declarations may come in any order: they are resolved by {@link #build()}, which checks the whole
 * problem ({@link ProblemCheck}) and reports the first inconsistency as one
 * {@link GeopinnException} line naming the problem. A builder is not thread-safe; build once.
 */
public final class ProblemBuilder {
    /** Default collocation sampler of a condition, as in declared problems. */
    private static final String GRID = "grid";

    private final String id;
    private final String description;
    private final List<String> fields = new ArrayList<>();
    private final DomainDeclarations domain = new DomainDeclarations();
    private final ConditionDeclarations conditions = new ConditionDeclarations();
    private final ReferenceDeclarations references = new ReferenceDeclarations();
    private final CoefficientDeclarations coefficients = new CoefficientDeclarations();
    private final Map<String, String> settings = new LinkedHashMap<>();

    private ProblemBuilder(String id, String description) {
        this.id = Objects.requireNonNull(id, "id");
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * A problem from parts already assembled (for problems whose domain or conditions are built by
     * hand, e.g. with clustered samplers or coefficients computed from settings), checked as
     * {@link #build()} checks.
     *
     * @param id the problem id
     * @param description a one-line description
     * @param vocabulary variables and fields
     * @param domain the box and its parts
     * @param conditions the loss terms, in stacking order
     * @param reference the reference solution, or null
     * @param defaults solver defaults (keys of {@link org.geopinn.api.problem.ProblemDefaults})
     * @return the problem
     * @throws org.geopinn.api.GeopinnException when the parts are inconsistent
     */
    public static Problem of(String id, String description, Vocabulary vocabulary, Domain domain,
            List<Condition> conditions, ReferenceSolution reference, Map<String, String> defaults) {
        return new BuiltProblem(id, description, vocabulary, domain, conditions, reference, defaults);
    }

    /**
     * A problem from ready parts, some of whose coefficients are trained.
     *
     * @param id the problem id
     * @param description a one-line description
     * @param vocabulary variables, fields and named coefficients ({@link Vocabulary#withCoefficients})
     * @param domain the domain and its named parts
     * @param conditions the conditions, in stacking order
     * @param reference the reference solution, or null
     * @param defaults solver defaults
     * @param unknowns the trained coefficients, name → initial value (coefficients of the vocabulary)
     * @return the checked problem
     * @throws GeopinnException when the parts are inconsistent
     */
    public static Problem of(String id, String description, Vocabulary vocabulary, Domain domain,
            List<Condition> conditions, ReferenceSolution reference, Map<String, String> defaults, Map<String, Double> unknowns) {
        return new BuiltProblem(id, description, vocabulary, domain, conditions, reference, defaults,
                new TreeMap<>(unknowns));
    }

    /**
     * A problem from ready parts with trained coefficients and hard conditions.
     *
     * @param id the problem id
     * @param description a one-line description
     * @param vocabulary variables, fields and named coefficients
     * @param domain the domain and its named parts
     * @param conditions the conditions, in stacking order, with those the hard constraints replace
     * @param reference the reference solution, or null
     * @param defaults solver defaults
     * @param unknowns the trained coefficients, name → initial value
     * @param hard the conditions built into the model ({@link HardConditions#of}); they leave the loss
     * @return the checked problem
     * @throws GeopinnException when the parts are inconsistent
     */
    public static Problem of(String id, String description, Vocabulary vocabulary, Domain domain,
            List<Condition> conditions, ReferenceSolution reference, Map<String, String> defaults, Map<String, Double> unknowns,
            List<HardConstraint> hard) {
        return new BuiltProblem(id, description, vocabulary, domain, conditions, reference, defaults,
                new TreeMap<>(unknowns), hard);
    }

    /**
     * @param id the problem id (lower-case letters, digits, '-' and '.'; the component's
     *        {@code geopinn.id})
     * @param description a one-line description
     * @return a builder with no variables, fields or conditions yet
     */
    public static ProblemBuilder problem(String id, String description) {
        return new ProblemBuilder(id, description);
    }

    /**
     * @param name an input variable ({@code t} is time)
     * @param min its lower bound
     * @param max its upper bound
     * @return this
     */
    public ProblemBuilder variable(String name, double min, double max) {
        domain.variable(name, min, max);
        return this;
    }

    /**
     * The domain as a geometry instead of a box of variable bounds (e.g. a plate with a hole from
     * the bundle {@code org.geopinn.geometry}). Besides {@code interior}, {@code boundary} (every
     * boundary part but the time faces) and, for a time × space product, {@code initial}, each of
     * the geometry's boundary parts is a domain part of the same name (e.g. {@code hole});
     * {@link #part} unites several.
     *
     * @param region the region
     * @param variableNames its coordinates' names, as many as its dimension ({@code t} first for a time × space product)
     * @return this
     */
    public ProblemBuilder domain(Geometry region, String... variableNames) {
        domain.geometry(Objects.requireNonNull(region, "geometry"), variableNames);
        return this;
    }

    /**
     * @param name a new part (or one replacing an implicit part of that name)
     * @param boundaryParts boundary parts of the domain's geometry the part unites
     * @return this
     */
    public ProblemBuilder part(String name, String... boundaryParts) {
        domain.part(name, v -> DomainPart.geometry(name, boundaryParts));
        return this;
    }

    /** @param names output fields of the network, e.g. {@code "u"} or {@code "u", "v", "p"} @return this */
    public ProblemBuilder field(String... names) {
        fields.addAll(List.of(names));
        return this;
    }

    /**
     * @param name a new part (or one replacing an implicit part of that name)
     * @param ofVariables the variables whose lower and upper faces make up the part
     * @return this
     */
    public ProblemBuilder boundary(String name, String... ofVariables) {
        domain.boundary(name, ofVariables);
        return this;
    }

    /**
     * @param name a new part (or one replacing an implicit part of that name)
     * @param variable the variable fixed on the face
     * @param atUpper true for the face at its upper bound, false for the lower
     * @return this
     */
    public ProblemBuilder face(String name, String variable, boolean atUpper) {
        domain.face(name, variable, atUpper);
        return this;
    }

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
        return condition(name, part, v -> TextForms.parse(v, "condition '" + name + "': operator", operator), source, points);
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
        conditions.add(v -> new Condition(name, part, TextForms.parse(v, "condition '" + name + "': operator", operator),
                TextForms.coordinates(v, "condition '" + name + "': source", source), 1, points, GRID, null));
        return this;
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
        conditions.add(v -> new Condition(name, part, TextForms.parse(v, "condition '" + name + "': operator", operator),
                CoefficientFunction.bind(source, v, coefficients.unknowns().keySet(), "condition '" + name + "': source"), 1, points,
                GRID, null));
        return this;
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
        return this;
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
        conditions.add(v -> new Condition(name, part, TextForms.parse(v, "condition '" + name + "': operator", operator), null, 1,
                points, GRID, null).withPair(Periodic.translation(name, conditions.builtDomain(), part, partner)));
        return this;
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
        return this;
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
        return this;
    }

    /**
     * A condition with every setting spelled out (weight, sampler, sampler options).
     *
     * @param condition the condition, built from the vocabulary of this problem
     * @return this
     */
    public ProblemBuilder condition(Function<Vocabulary, Condition> condition) {
        conditions.add(condition);
        return this;
    }

    /**
     * Observations of a field as a loss term named {@code name} (see {@link Observations}): a CSV
     * file whose header names the variables, the field and optionally {@code weight}, or a
     * {@code .npy} array of those columns, or a {@code .npz} of 1-D arrays named like them. When rows
     * are held out and no exact reference is given, the held-out rows become the reference, so the
     * reported error is the validation error.
     *
     * @param name the condition's name
     * @param file the observations file
     * @param field the observed field
     * @param validationFraction the share of rows held out for validation, in [0, 1)
     * @return this
     */
    public ProblemBuilder observe(String name, java.nio.file.Path file, String field, double validationFraction) {
        references.observe(name, v -> Observations.read(file, v.variables(), field, validationFraction));
        return this;
    }

    /**
     * @param name the condition's name
     * @param observations observations already read
     * @return this
     */
    public ProblemBuilder observe(String name, Observations observations) {
        references.observe(name, v -> observations);
        return this;
    }

    /**
     * @param weight the fixed loss weight of the condition declared last
     * @return this
     */
    public ProblemBuilder weight(double weight) {
        conditions.amendLast(c -> c.withWeight(weight));
        return this;
    }

    /**
     * @param sampler the sampler id of the condition declared last (default {@code grid})
     * @param options options passed to it (e.g. clustering toward a wall), or an empty map
     * @return this
     */
    public ProblemBuilder sampler(String sampler, Map<String, String> options) {
        conditions.amendLast(c -> c.withSampler(sampler, options));
        return this;
    }

    /**
     * @param perField the exact solution of each field, in the order of the fields
     * @return this
     */
    public ProblemBuilder reference(PointFunction... perField) {
        references.exact(perField);
        return this;
    }

    /**
     * An exact solution in Java that reads the coefficients by name, e.g.
     * {@code (x, c) -> exp(-PI * PI * c.get("kappa") * x[0]) * sin(PI * x[1])}: unlike a plain function of the
     * point it is kept when a coefficient becomes parametric ({@link Problem#parametric}), reading the input then.
     *
     * @param perField the exact solution of each field, in the order of the fields
     * @return this
     */
    public ProblemBuilder reference(CoefficientFunction... perField) {
        List<Function<Vocabulary, PointFunction>> bound = new ArrayList<>();
        for (int i = 0; i < perField.length; i++) {
            CoefficientFunction f = Objects.requireNonNull(perField[i], "reference");
            String what = "the reference of field " + (i + 1);
            bound.add(v -> CoefficientFunction.bind(f, v, coefficients.unknowns().keySet(), what));
        }
        references.exactFollowingCoefficients(bound);
        return this;
    }

    /**
     * @param perField the exact solution of each field as text in the variables, e.g. {@code "sin(pi*x)*sin(pi*y)"}
     * @return this
     */
    public ProblemBuilder reference(String... perField) {
        references.exact(perField);
        return this;
    }

    /**
     * @param solution a reference solution computed otherwise (a numerical solver, a lazy table)
     * @return this
     */
    public ProblemBuilder reference(ReferenceSolution solution) {
        references.solution(solution);
        return this;
    }

    /**
     * @param key a solver default, one of the keys of {@link ProblemDefaults} (e.g. {@code hidden})
     * @param value its value as the command line would take it (e.g. {@code "32,32"})
     * @return this
     */
    public ProblemBuilder setting(String key, String value) {
        settings.put(key, value);
        return this;
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
        return this;
    }

    /**
     * A parametric coefficient: one more input of the network over a range, so one trained network
     * answers for all its values (the trained solution takes it as an input, after the variables
     * declared before it). Operators and exact solutions read it like a variable
     * ({@code -k*lap(u)}); it is not spatial, so the Laplacian and the box's boundary leave it out.
     * Box domains only.
     *
     * @param name the coefficient's name
     * @param min the smallest value
     * @param max the largest value
     * @return this
     */
    public ProblemBuilder parameter(String name, double min, double max) {
        domain.parameter(name, min, max);
        return this;
    }

    /**
     * Names a coefficient that is not known and is trained with the network (an inverse problem):
     * {@link #coefficient} with this initial guess, marked unknown. It needs data that depend on it,
     * such as observations ({@link #observe}).
     *
     * @param name the coefficient's name
     * @param initialGuess the value training starts from
     * @return this
     */
    public ProblemBuilder unknown(String name, double initialGuess) {
        coefficients.unknown(name, initialGuess);
        return this;
    }

    /** @param defaults several solver defaults (see {@link #setting}) @return this */
    public ProblemBuilder settings(Map<String, String> defaults) {
        settings.putAll(defaults);
        return this;
    }

    /**
     * @return the checked problem, immutable
     * @throws GeopinnException naming the problem and the first inconsistency
     */
    public Problem build() {
        try {
            Vocabulary plain = domain.vocabulary(fields);
            Domain built = domain.build(plain);
            // dn(u) reads the outward normals of this domain's boundary.
            Vocabulary v = plain.withNormals(built::normal).withCoefficients(coefficients.values());
            List<Condition> terms = conditions.build(v, built);
            ReferenceSolution solution = references.build(v, fields, terms);
            List<HardConstraint> constraints = conditions.hardConstraints(v, built, terms);
            // Problem.parametric builds these declarations again with coefficients as inputs.
            return new ParametricRebuild(new BuiltProblem(id, description, v, built, terms, solution, settings,
                    coefficients.unknowns(), constraints), this::withParameters);
        } catch (GeopinnException e) {
            String named = "problem '" + id + "': ";
            throw new GeopinnException(e.getMessage().startsWith(named) ? e.getMessage() : named + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new GeopinnException("problem '" + id + "': " + e.getMessage(), e);
        }
    }

    /**
     * Checks a setting of a problem's configuration against its range, for components whose
     * configuration arrives from a {@code .cfg} file unchecked.
     *
     * @param problem the problem id, for the message
     * @param setting the setting's name
     * @param value its value
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     * @throws GeopinnException naming the problem, the setting, its value and the range
     */
    public static int inRange(String problem, String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw new GeopinnException(problem + ": " + setting + " must be an integer from " + min + " to " + max
                    + ", got " + value);
        }
        return value;
    }

    /**
     * @param problem the problem id, for the message
     * @param setting the setting's name
     * @param value its value
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     * @throws GeopinnException naming the problem, the setting, its value and the range
     */
    public static double inRange(String problem, String setting, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new GeopinnException(problem + ": " + setting + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /** @return a copy of these declarations with the coefficients as parameters (see {@link ParametricRebuild}) */
    private ProblemBuilder withParameters(Map<String, double[]> ranges) {
        ProblemBuilder b = new ProblemBuilder(id, description);
        b.fields.addAll(fields);
        domain.copyInto(b.domain);
        conditions.copyInto(b.conditions);
        references.copyForParameters(b.references);
        coefficients.copyInto(b.coefficients, ranges.keySet());
        b.settings.putAll(settings);
        ranges.forEach((name, r) -> b.parameter(name, r[0], r[1]));
        return b;
    }

    /**
     * The parts a domain given by a geometry has without declaring them: {@code interior},
     * {@code boundary} (every boundary part but the time faces) and one part per boundary part of
     * the geometry, of the same name (so {@code initial} for a time × space product).
     *
     * @param geometry the region
     * @return the parts, in that order
     */
    public static List<DomainPart> implicitParts(Geometry geometry) {
        return DomainDeclarations.implicitParts(geometry);
    }
}
