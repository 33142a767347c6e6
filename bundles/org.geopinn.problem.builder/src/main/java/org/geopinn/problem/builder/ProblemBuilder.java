package org.geopinn.problem.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.geopinn.api.GeopinnException;
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
 * The calls that declare conditions and coefficients ({@code condition}, {@code periodic},
 * {@code hard}, {@code weight}, {@code sampler}, {@code coefficient}, {@code unknown}) are written in
 * a package-private superclass; they are public methods of the builder like the others.
 */
public final class ProblemBuilder extends ConditionSteps {
    private final String id;
    private final String description;
    private final List<String> fields = new ArrayList<>();
    private final DomainDeclarations domain = new DomainDeclarations();
    private final ReferenceDeclarations references = new ReferenceDeclarations();
    private final Map<String, String> settings = new LinkedHashMap<>();

    private ProblemBuilder(String id, String description) {
        this.id = Objects.requireNonNull(id, "id");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    ProblemBuilder self() {
        return this;
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
