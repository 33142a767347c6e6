package org.geopinn.expr;

import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.NormalField;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.api.expr.Symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.geopinn.api.GeopinnException;

/**
 * The names an operator may use: input variables (e.g. {@code t, x, y}) and output fields (e.g.
 * {@code u}, or {@code phi, cplus, cminus}). It builds operators in Java:
 *
 * <pre>{@code
 * Vocabulary v = new Vocabulary(List.of("t", "x"), List.of("u"));
 * Expr heat = v.d("u", "t").minus(v.d("u", "x", "x").times(0.25));   // u_t - 0.25 u_xx
 * Expr burgers = v.d("u", "t").plus(v.field("u").times(v.d("u", "x")));
 * }</pre>
 *
 * The time variable, when present, is the variable named {@code t}; {@link #laplacian} sums over
 * the other (spatial) variables.
 */
public final class Vocabulary implements Symbols {
    /** The name of the time variable, excluded from spatial operators. */
    public static final String TIME = Symbols.TIME;

    private final List<String> variables;
    private final List<String> fields;
    private final NormalField normals;
    /** Named scalar coefficients, one shared node per name so every use is the same leaf. */
    private final java.util.SortedMap<String, Expr.Coefficient> coefficients;
    /** Variables that are coefficients given as inputs (parametric problems): not spatial. */
    private final List<String> parameters;

    /**
     * @param variables input variable names, in coordinate order
     * @param fields output field names, in model output order
     * @throws GeopinnException when a name is empty, repeated or used as both
     */
    public Vocabulary(List<String> variables, List<String> fields) {
        this(variables, fields, null, new java.util.TreeMap<>(), List.of());
    }

    private Vocabulary(List<String> variables, List<String> fields, NormalField normals,
            java.util.SortedMap<String, Expr.Coefficient> coefficients, List<String> parameters) {
        this.normals = normals;
        this.parameters = List.copyOf(parameters);
        this.coefficients = java.util.Collections.unmodifiableSortedMap(coefficients);
        this.variables = List.copyOf(variables);
        this.fields = List.copyOf(fields);
        List<String> all = new ArrayList<>(this.variables);
        all.addAll(this.fields);
        for (int i = 0; i < all.size(); i++) {
            String n = all.get(i);
            if (!n.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new GeopinnException("invalid name '" + ExprParser.abbreviate(n)
                        + "': names are letters and digits, starting with a letter");
            }
            if (all.indexOf(n) != i) {
                throw new GeopinnException("name '" + ExprParser.abbreviate(n) + "' is declared twice among variables "
                        + ExprParser.abbreviate(variables.toString()) + " and fields " + ExprParser.abbreviate(fields.toString()));
            }
        }
    }

    /** @return the input variables, in coordinate order */
    @Override
    public List<String> variables() {
        return variables;
    }

    /** @return the output fields, in model output order */
    @Override
    public List<String> fields() {
        return fields;
    }

    /** @return the spatial variables: all but {@value #TIME} and the {@link #parameters()} */
    @Override
    public List<String> spatialVariables() {
        List<String> s = new ArrayList<>(variables);
        s.remove(TIME);
        s.removeAll(parameters);
        return s;
    }

    /**
     * @param name a variable name
     * @return its index
     * @throws GeopinnException if unknown
     */
    @Override
    public int variableIndex(String name) {
        int i = variables.indexOf(name);
        if (i < 0) {
            throw new GeopinnException("unknown variable '" + name + "'; variables are " + variables);
        }
        return i;
    }

    /**
     * @param name a field name
     * @return its index
     * @throws GeopinnException if unknown
     */
    @Override
    public int fieldIndex(String name) {
        int i = fields.indexOf(name);
        if (i < 0) {
            throw new GeopinnException("unknown field '" + name + "'; fields are " + fields);
        }
        return i;
    }

    /** @param name a variable @return the coordinate as an expression */
    public Expr coordinate(String name) {
        return new Expr.Coordinate(variableIndex(name), name);
    }

    /** @param name a field @return the field's value */
    public Expr field(String name) {
        return new Expr.FieldDerivative(fieldIndex(name), name, new int[variables.size()]);
    }

    /**
     * A partial derivative, e.g. {@code d("u", "x", "x")} for u_xx or {@code d("u", "x", "y")}.
     *
     * @param field the field
     * @param wrt the variables to differentiate by, with repetition for higher orders
     * @return the derivative
     */
    public Expr d(String field, String... wrt) {
        int[] orders = new int[variables.size()];
        for (String w : wrt) {
            orders[variableIndex(Objects.requireNonNull(w))]++;
        }
        return new Expr.FieldDerivative(fieldIndex(field), field, orders);
    }

    /**
     * @param field the outward unit normal of the domain's boundary, read by {@link #normalDerivative}
     * @return this vocabulary with those normals
     */
    public Vocabulary withNormals(NormalField field) {
        return new Vocabulary(variables, fields, java.util.Objects.requireNonNull(field, "normals"), new java.util.TreeMap<>(coefficients),
                parameters);
    }

    /**
     * Names scalar coefficients that operators may use by name ({@code kappa} in
     * {@code u_t - kappa*u_xx}): each becomes one {@link Expr.Coefficient} node of that name with a
     * constant function, so a session can also train it (see
     * {@link org.geopinn.api.problem.Problem#coefficients()}).
     *
     * @param values name → value (not modified)
     * @return this vocabulary with those coefficients added
     * @throws GeopinnException for an invalid name, a name already used, or a non-finite value
     */
    public Vocabulary withCoefficients(java.util.Map<String, Double> values) {
        java.util.SortedMap<String, Expr.Coefficient> all = new java.util.TreeMap<>(coefficients);
        for (java.util.Map.Entry<String, Double> e : values.entrySet()) {
            String n = e.getKey();
            double v = e.getValue();
            if (!n.matches("[A-Za-z][A-Za-z0-9]*") || n.equals("pi") || n.equals("e")) {
                throw new GeopinnException("invalid coefficient name '" + ExprParser.abbreviate(n)
                        + "': names are letters and digits, starting with a letter, other than pi and e");
            }
            if (variables.contains(n) || fields.contains(n) || all.containsKey(n)) {
                throw new GeopinnException("coefficient name '" + ExprParser.abbreviate(n)
                        + "' is already a variable, field or coefficient");
            }
            if (!Double.isFinite(v)) {
                throw new GeopinnException("coefficient '" + n + "' is " + v + "; it must be a finite number");
            }
            all.put(n, new Expr.Coefficient(n, x -> v));
        }
        return new Vocabulary(variables, fields, normals, all, parameters);
    }

    /**
     * Marks variables as parameters: coefficients given to the network as inputs (a parametric
     * problem, one network for a range of the coefficient). They are read like coordinates
     * ({@code -k*lap(u)}) but are not spatial: {@link #laplacian}, {@link #gradient},
     * {@link #normalDerivative} and the boundary of a box leave them out.
     *
     * @param names variables of this vocabulary
     * @return this vocabulary with those variables as parameters
     * @throws GeopinnException for a name that is not a variable, or the time variable
     */
    public Vocabulary withParameters(List<String> names) {
        List<String> all = new ArrayList<>(parameters);
        for (String n : names) {
            variableIndex(n);
            if (n.equals(TIME)) {
                throw new GeopinnException("the time variable '" + TIME + "' cannot be a parameter");
            }
            if (!all.contains(n)) {
                all.add(n);
            }
        }
        return new Vocabulary(variables, fields, normals, new java.util.TreeMap<>(coefficients), all);
    }

    /** @return the variables that are parameters (see {@link #withParameters}), in declaration order */
    @Override
    public List<String> parameters() {
        return parameters;
    }

    /** @return the named coefficients, name → node (sorted by name) */
    @Override
    public java.util.SortedMap<String, Expr.Coefficient> coefficients() {
        return coefficients;
    }

    /**
     * @param name a coefficient declared by {@link #withCoefficients}, or a {@link #parameters() parameter}
     * @return its node: for a parameter, its coordinate (a coefficient made parametric, {@code --parametric},
     *         reads as the input it became, so operators written in Java follow it as operator text does)
     * @throws GeopinnException if unknown
     */
    public Expr coefficient(String name) {
        Expr.Coefficient c = coefficients.get(name);
        if (c == null && parameters.contains(name)) {
            return coordinate(name);
        }
        if (c == null) {
            throw new GeopinnException("unknown coefficient '" + name + "'; coefficients are " + coefficients.keySet());
        }
        return c;
    }

    /** @return whether {@link #withNormals} gave this vocabulary the domain's normals */
    @Override
    public boolean hasNormals() {
        return normals != null;
    }

    /**
     * The normal derivative ∂u/∂n = Σ_j n_j ∂u/∂x_j over the spatial variables, the normal
     * components being coefficient functions {@code n_x, n_y …} of the point. Written
     * {@code dn(u)} in operator text; a Neumann condition is {@code dn(u)}, a Robin condition
     * e.g. {@code u + 0.5*dn(u)}.
     *
     * @param field a field
     * @return its normal derivative
     * @throws GeopinnException when the vocabulary has no normals (see {@link #withNormals})
     */
    public Expr normalDerivative(String field) {
        if (normals == null) {
            throw new GeopinnException("dn(" + field + ") needs the outward normals of the domain's boundary;"
                    + " they are known in a problem's conditions (ProblemBuilder, declared problems)");
        }
        fieldIndex(field);
        int d = variables.size();
        List<Expr> terms = new ArrayList<>();
        for (String x : spatialVariables()) {
            int j = variableIndex(x);
            PointFunction component = p -> {
                double[] n = new double[d]; // evaluated when points are set, not per training step
                normals.normal(p, n);
                return n[j];
            };
            terms.add(new Expr.Coefficient("n_" + x, component).times(d(field, x)));
        }
        return new Expr.Sum(terms);
    }

    /** @param field a field @return its Laplacian over the spatial variables */
    public Expr laplacian(String field) {
        List<Expr> terms = new ArrayList<>();
        for (String x : spatialVariables()) {
            terms.add(d(field, x, x));
        }
        return new Expr.Sum(terms);
    }

    /** @param field a field @return its gradient over the spatial variables, one expression per variable */
    public List<Expr> gradient(String field) {
        List<Expr> g = new ArrayList<>();
        for (String x : spatialVariables()) {
            g.add(d(field, x));
        }
        return g;
    }

    /**
     * The divergence of a vector of fields over the spatial variables.
     *
     * @param components one field per spatial variable
     * @return Σ_j ∂(component_j)/∂x_j
     */
    public Expr divergence(String... components) {
        List<String> xs = spatialVariables();
        if (components.length != xs.size()) {
            throw new GeopinnException("divergence needs " + xs.size() + " components, got " + components.length);
        }
        List<Expr> terms = new ArrayList<>();
        for (int j = 0; j < xs.size(); j++) {
            terms.add(d(components[j], xs.get(j)));
        }
        return new Expr.Sum(terms);
    }

    /**
     * Σ_j ∂a/∂x_j ∂b/∂x_j over the spatial variables (e.g. ∇c·∇φ).
     *
     * @param a a field
     * @param b a field
     * @return the dot product of their gradients
     */
    public Expr gradDot(String a, String b) {
        List<Expr> terms = new ArrayList<>();
        for (String x : spatialVariables()) {
            terms.add(d(a, x).times(d(b, x)));
        }
        return new Expr.Sum(terms);
    }

    /**
     * @param text operator text such as {@code u_t - 0.25*u_xx}
     * @return the parsed expression
     * @throws ExprParseException with the column and the known names, when the text is malformed
     */
    public Expr parse(String text) {
        return new ExprParser(this).parse(text);
    }

    /** @param e an expression @return its text in this vocabulary's names */
    public String print(Expr e) {
        return ExprPrinter.print(e, variables);
    }
}
