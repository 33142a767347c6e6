package org.geopinn.problems.declared;

import static org.geopinn.problems.declared.DeclarationKeys.abbreviate;
import static org.geopinn.problems.declared.DeclarationKeys.checkName;
import static org.geopinn.problems.declared.DeclarationKeys.list;
import static org.geopinn.problems.declared.DeclarationKeys.text;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.expr.ExprPrinter;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.problem.builder.ProblemBuilder;

/**
 * Reads a PDE problem declared as key–value text: a ConfigAdmin factory configuration (PID
 * {@value #FACTORY_PID}, e.g. a file {@code org.geopinn.problems.declared-poisson.cfg} in the host's
 * {@code plugins/} folder) or a plain properties file. The keys (full example in docs/PROBLEMS.md):
 *
 * <pre>
 * id = poisson-text                      (required) the problem id
 * description = …                        one line
 * variables = x, y                       (required) input variables; t is time
 * fields = u                             (required) output fields
 * lower = 0, 0                           (required for a box) lower bound per variable
 * upper = 1, 1                           (required for a box) upper bound per variable
 * geometry = rectangle(0,0,1,1) - disk(0.5,0.5,0.2) as hole
 *                                        instead of lower/upper: the domain as a shape (ShapeText)
 * time = 0, 1                            with a geometry and t the first variable: the time interval
 * cloud.interior = inside.csv            instead of geometry: a point cloud, interior points (CSV with
 * cloud.boundary = boundary.csv          the variables as columns) and boundary points with normals
 *                                        n_VAR and optional part names (PointCloud); conditions hold
 *                                        at fixed points of the cloud
 * part.NAME = interior | boundary VAR… | face VAR lower|upper | geometry PART…
 *                                        parts besides the implicit ones: interior, boundary (faces of
 *                                        every variable but t) and, when t exists, initial (t at its lower bound);
 *                                        for a geometry interior, boundary (all but the time faces) and
 *                                        each of its boundary parts (e.g. hole); 'geometry PART…' unites some
 * conditions = pde, wall                 stacking order (default: the declared names, sorted)
 * condition.NAME.part = interior         (required) where the condition holds
 * condition.NAME.operator = u_xx + u_yy  (required) operator text (see ExprParser)
 * condition.NAME.source = …              right-hand side, a function of the variables (default 0)
 * condition.NAME.points = 900            collocation points (default 100)
 * condition.NAME.sampler = grid          sampler id (default grid)
 * condition.NAME.weight = 1              loss weight (default 1)
 * condition.NAME.option.KEY = VALUE      a sampler option
 * condition.NAME.periodic = right        a periodic pair: operator[u](x) = operator[u](x + s) for x on
 *                                        the condition's part (a face), s carrying it onto this
 *                                        opposite face (box: face VAR lower|upper; geometry: xmin/xmax …)
 * condition.NAME.hard = true            build this Dirichlet condition (operator: a field u, source g as
 *                                        text or none) into the model, u = g + φ·N, φ from the domain
 *                                        (box faces, or the geometry's smooth distance); or the text of
 *                                        φ (zero on the part, positive inside); it then leaves the loss
 * condition.NAME.data = probe.csv        observations instead of an operator: a CSV file (header: the
 *                                        variables, the field, optionally weight), a .npy array or a
 *                                        .npz of 1-D arrays named like those columns;
 *                                        relative to the declaration's folder; part defaults to interior
 * condition.NAME.field = u               the observed field (default: the only field)
 * condition.NAME.validation = 0.2        share of observations held out; they become the reference
 *                                        (the reported error) when no exact solution is given
 * coefficient.NAME = 0.25               a named coefficient operator text may use (u_t - kappa*u_xx);
 *                                        a session may train it (--unknown kappa=0.1)
 * parametric.NAME = 1, 4                 a coefficient given to the network as one more input over
 *                                        this range (after the variables; box domains): one trained
 *                                        network answers for every value; operators and exact
 *                                        solutions read it like a variable; it is not spatial
 * unknown.NAME = 0.1                     a coefficient that is trained with the network (an inverse
 *                                        problem), starting from this value
 * exact.FIELD = sin(pi*x)*sin(pi*y)      exact solution, for every field or none
 * default.KEY = VALUE                    solver defaults (keys of ProblemDefaults)
 * </pre>
 *
 * Every inconsistency (a missing key, an unknown key, a malformed number or operator, an unknown
 * field, a condition on a missing part, a dimension mismatch) is reported as one
 * {@link GeopinnException} whose message names the declaration and the culprit.
 */
public final class ProblemDeclaration {
    /** The factory PID of declared problems in ConfigAdmin. */
    public static final String FACTORY_PID = "org.geopinn.problems.declared";
    /** Longest message about a declaration, in characters. */
    private static final int MAX_MESSAGE = 600;


    private ProblemDeclaration() {
    }

    /**
     * Reads a declaration from a plain properties file (UTF-8).
     *
     * @param file the file
     * @return the validated problem
     * @throws GeopinnException if the file cannot be read or the declaration is inconsistent
     */
    public static Problem load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new GeopinnException("cannot read problem declaration " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return parse(map, file.getFileName().toString(), file.toAbsolutePath().getParent());
    }

    /**
     * Reads a declaration from configuration properties (values as text, numbers, arrays or
     * collections).
     *
     * @param properties the properties (not modified)
     * @param origin where they come from, for messages (a file name or PID)
     * @return the validated problem
     * @throws GeopinnException describing the first inconsistency, on one line
     */
    public static Problem parse(Map<String, ?> properties, String origin) {
        return parse(properties, origin, folderOf(properties.get("felix.fileinstall.filename")));
    }

    /** The folder of the file FileInstall read a configuration from, where its data files are looked up. */
    private static Path folderOf(Object fileInstallName) {
        if (fileInstallName == null) {
            return null;
        }
        try {
            String name = text(fileInstallName);
            Path p = name.startsWith("file:") ? Path.of(java.net.URI.create(name)) : Path.of(name);
            return p.toAbsolutePath().getParent();
        } catch (RuntimeException e) {
            return null; // not a file: relative data paths are then taken from the working directory
        }
    }

    private static Problem parse(Map<String, ?> properties, String origin, Path base) {
        Object idValue = properties.get("id");
        String label = "declared problem " + (idValue == null ? "" : "'" + abbreviate(text(idValue)) + "' ") + "(" + origin + ")";
        try {
            return new DeclarationReader(properties, base).read();
        } catch (GeopinnException e) {
            // The validator names the problem itself; the label already does.
            String message = e.getMessage();
            String named = "problem '" + text(idValue) + "': ";
            if (message.startsWith(named)) {
                message = message.substring(named.length());
            }
            // Every part of a message quotes at most an excerpt; this bounds what is left (keys, lists).
            if (message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE - 100) + " … " + message.substring(message.length() - 97);
            }
            throw new GeopinnException(label + ": " + message, e);
        }
    }

    /** One pass over one declaration. */
    private static final class DeclarationReader {
        private final DeclarationKeys props;
        /** The held-out observations of a data condition, the reference when no exact solution is given. */
        private ReferenceSolution validation;

        DeclarationReader(Map<String, ?> properties, Path base) {
            this.props = new DeclarationKeys(properties, base);
        }

        Problem read() {
            String id = props.required("id");
            List<String> variables = new ArrayList<>(list(props.required("variables"), "variables"));
            List<String> fields = list(props.required("fields"), "fields");
            // parametric.NAME = lo, hi: a coefficient given to the network as one more input, after the variables.
            Map<String, double[]> ranges = new java.util.TreeMap<>();
            for (String key : props.keySet()) {
                if (key.startsWith("parametric.")) {
                    double[] range = props.numbers(key);
                    if (range.length != 2 || !(range[0] < range[1])) {
                        throw new GeopinnException(key + " needs two numbers lo, hi with lo < hi (the coefficient's range)");
                    }
                    ranges.put(key.substring("parametric.".length()), range);
                }
            }
            variables.addAll(ranges.keySet());
            Vocabulary plain = new Vocabulary(variables, fields).withParameters(List.copyOf(ranges.keySet()));
            Domain domain = new DeclaredDomain(props).read(variables, ranges, plain);
            // dn(u) in a condition reads the outward normals of this domain; named coefficients are read by name.
            Map<String, Double> unknowns = props.prefixedNumbers("unknown.");
            Map<String, Double> coefficients = props.prefixedNumbers("coefficient.");
            for (String u : unknowns.keySet()) {
                if (coefficients.containsKey(u)) {
                    throw new GeopinnException("'" + u + "' is declared both as coefficient." + u + " and as unknown." + u
                            + "; an unknown is a coefficient whose value is its initial guess, declare it once");
                }
            }
            coefficients.putAll(unknowns);
            Vocabulary vocabulary = plain.withNormals(domain::normal).withCoefficients(coefficients);
            List<Condition> conditions = new ArrayList<>();
            for (String name : conditionNames()) {
                conditions.add(condition(name, vocabulary, domain));
            }
            ReferenceSolution exact = exact(vocabulary);
            if (exact == null && validation != null) {
                if (fields.size() != 1) {
                    throw new GeopinnException("held-out observations are the reference of a single-field problem; fields are " + fields);
                }
                exact = validation;
            }
            Map<String, String> defaults = props.defaults();
            props.requireKnown(conditionNames());
            String description = props.containsKey("description") ? text(props.get("description"))
                    : "declared problem " + id;
            List<org.geopinn.api.problem.HardConstraint> hard = new ArrayList<>();
            for (Condition c : conditions) {
                String key = "condition." + c.name() + ".hard";
                String value = props.containsKey(key) ? text(props.get(key)).trim() : "false";
                if (!value.equals("false")) {
                    String source = props.containsKey("condition." + c.name() + ".source")
                            ? text(props.get("condition." + c.name() + ".source")) : null;
                    hard.add(org.geopinn.problem.builder.HardConditions.of(vocabulary, domain, c, source,
                            value.equals("true") ? null : value));
                }
            }
            return ProblemBuilder.of(id, description, vocabulary, domain, conditions, exact, defaults, unknowns, hard);
        }

        private List<String> conditionNames() {
            List<String> names = conditionNamesAsGiven();
            for (String n : names) {
                checkName("condition", n);
            }
            return names;
        }

        private List<String> conditionNamesAsGiven() {
            if (props.containsKey("conditions")) {
                return list(props.get("conditions"), "conditions");
            }
            Set<String> names = new TreeSet<>();
            for (String key : props.keySet()) {
                if (key.startsWith("condition.")) {
                    String rest = key.substring("condition.".length());
                    int dot = rest.indexOf('.');
                    names.add(dot < 0 ? rest : rest.substring(0, dot));
                }
            }
            if (names.isEmpty()) {
                throw new GeopinnException("no conditions: declare condition.NAME.part and condition.NAME.operator");
            }
            return new ArrayList<>(names);
        }

        private Condition observations(String name, String prefix, Vocabulary v) {
            String part = props.containsKey(prefix + "part") ? text(props.get(prefix + "part")).trim() : "interior";
            for (String key : List.of("operator", "source", "sampler", "points")) {
                if (props.containsKey(prefix + key)) {
                    throw new GeopinnException(prefix + key + " does not go with " + prefix + "data: observations fix the points,"
                            + " the values and the operator (the field)");
                }
            }
            String field;
            if (props.containsKey(prefix + "field")) {
                field = text(props.get(prefix + "field")).trim();
                v.fieldIndex(field);
            } else if (v.fields().size() == 1) {
                field = v.fields().get(0);
            } else {
                throw new GeopinnException(prefix + "field is needed: fields are " + v.fields());
            }
            double fraction = props.containsKey(prefix + "validation") ? props.number(prefix + "validation") : 0;
            Path file = Path.of(text(props.get(prefix + "data")).trim());
            if (!file.isAbsolute() && props.base() != null) {
                file = props.base().resolve(file);
            }
            org.geopinn.problem.builder.Observations obs = org.geopinn.problem.builder.Observations.read(file, v.variables(), field,
                    fraction);
            if (obs.validationSize() > 0 && validation == null) {
                validation = obs.validation();
            }
            double weight = props.containsKey(prefix + "weight") ? props.number(prefix + "weight") : 1.0;
            return obs.condition(name, part, v).withWeight(weight);
        }

        private Condition condition(String name, Vocabulary v, Domain domain) {
            String prefix = "condition." + name + ".";
            if (props.containsKey(prefix + "data")) {
                return observations(name, prefix, v);
            }
            String part = props.required(prefix + "part");
            Expr operator = expression(prefix + "operator", props.required(prefix + "operator"), v);
            PointFunction source = null;
            if (props.containsKey(prefix + "source")) {
                source = coordinateFunction(prefix + "source", v);
            }
            int points = props.containsKey(prefix + "points") ? props.integer(prefix + "points") : 100;
            double weight = props.containsKey(prefix + "weight") ? props.number(prefix + "weight") : 1.0;
            String sampler = props.containsKey(prefix + "sampler") ? text(props.get(prefix + "sampler")).trim() : "grid";
            Map<String, String> options = new LinkedHashMap<>();
            String optionPrefix = prefix + "option.";
            for (String key : props.keySet()) {
                if (key.startsWith(optionPrefix)) {
                    options.put(key.substring(optionPrefix.length()), text(props.get(key)).trim());
                }
            }
            Condition c = new Condition(name, part, operator, source, weight, points, sampler, options);
            if (domain.geometry().orElse(null) instanceof org.geopinn.geometry.PointCloud cloud) {
                c = onCloud(c, domain, cloud);
            }
            if (props.containsKey(prefix + "periodic")) {
                // operator[u](x) = operator[u](x + s) on the part, s carrying it onto the named partner face
                String partner = text(props.get(prefix + "periodic")).trim();
                c = c.withPair(org.geopinn.problem.builder.Periodic.translation(name, domain, part, partner));
            }
            return c;
        }

        /**
         * A condition on a point cloud holds at points of the cloud, fixed for the whole run: at most
         * {@code points} of them, drawn by a shuffle seeded from the condition's name (reproducible).
         */
        private Condition onCloud(Condition c, Domain domain, org.geopinn.geometry.PointCloud cloud) {
            DomainPart p = domain.part(c.part());
            long seed = c.name().hashCode() * 0x9E3779B97F4A7C15L;
            double[] fixed;
            if (p.kind() == DomainPart.Kind.INTERIOR) {
                fixed = cloud.sampleInterior(Math.min(c.points(), cloud.interiorCount()), seed);
            } else {
                int available = cloud.boundaryCount(p.geometryParts());
                fixed = cloud.sampleBoundary(p.geometryParts(), Math.min(c.points(), available), seed).points();
            }
            return new Condition(c.name(), c.part(), c.operator(), c.source(), c.weight(), fixed.length / domain.dimension(),
                    c.sampler(), c.samplerOptions(), fixed, c.pair());
        }

        private ReferenceSolution exact(Vocabulary v) {
            List<PointFunction> perField = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String f : v.fields()) {
                if (props.containsKey("exact." + f)) {
                    perField.add(coordinateFunction("exact." + f, v));
                } else {
                    missing.add(f);
                }
            }
            for (String key : props.keySet()) {
                if (key.startsWith("exact.") && !v.fields().contains(key.substring("exact.".length()))) {
                    throw new GeopinnException(key + " names no field; fields are " + v.fields());
                }
            }
            if (perField.isEmpty()) {
                return null;
            }
            if (!missing.isEmpty()) {
                throw new GeopinnException("exact solutions are given for some fields but not for " + missing
                        + "; give exact.FIELD for every field or for none");
            }
            return ReferenceSolution.of(perField);
        }

        private Expr expression(String key, String text, Vocabulary v) {
            try {
                return v.parse(text);
            } catch (GeopinnException e) {
                throw new GeopinnException(key + ": " + e.getMessage(), e);
            }
        }

        /** Parses text that may use the variables only, as a function of a point. */
        private PointFunction coordinateFunction(String key, Vocabulary v) {
            Expr e = expression(key, text(props.get(key)), v);
            if (ExprPrinter.dependsOnFields(e)) {
                throw new GeopinnException(key + " = '" + abbreviate(text(props.get(key))) + "' uses a field; it must be a function of the variables "
                        + v.variables() + " only");
            }
            return x -> ExprPrinter.valueAt(e, x);
        }

    }

}
