package org.geopinn.expr;

import org.geopinn.api.expr.Expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses operator text into an {@link Expr}.
 *
 * <p>Grammar: numbers ({@code 0.25}, {@code 1e-3}), constants {@code pi} and {@code e}, variables,
 * fields, derivatives written {@code field_vars} ({@code u_xx}, {@code u_xy}, {@code phi_x},
 * {@code u_x1x2}; several parts may be separated by further underscores), the operators
 * {@code + - * / ^} with the usual precedence ({@code ^} binds tightest, right-associative, and
 * takes a constant exponent), parentheses, the functions {@code sin cos exp log tanh sinh cosh sqrt},
 * {@code lap(u)} for the Laplacian of a field over the spatial variables (all but {@code t}), and
 * {@code dn(u)} for its derivative along the outward normal of the domain's boundary (when the
 * vocabulary has normals, {@link Vocabulary#withNormals}).
 *
 * <p>The work is bounded by the text's length whatever it says: a derivative suffix is split into
 * variable names by dynamic programming over its positions (never by backtracking), nesting is
 * limited to {@link ExprLimits#MAX_DEPTH} levels and derivatives to a total order of
 * {@link ExprLimits#MAX_DERIVATIVE_ORDER}, number literals must be finite, and the text to
 * {@link ExprLimits#MAX_TEXT_LENGTH} characters. A suffix that can be split into the variables in
 * more than one way (variables {@code x} and {@code xx}, suffix {@code xxx}) is refused with both
 * readings: write the parts apart with underscores ({@code u_x_xx}).
 */
public final class ExprParser {
    /** Longest stretch of text quoted in a message. */
    private static final int EXCERPT = 80;
    private final Vocabulary vocabulary;
    private String text;
    private int pos;
    /** How deeply the recursive descent is nested now (parentheses, calls, exponents). */
    private int depth;

    /** @param vocabulary the names the text may use */
    public ExprParser(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * @param source the operator text
     * @return the expression
     * @throws ExprParseException for malformed text or unknown names
     */
    public Expr parse(String source) {
        if (source == null || source.isBlank()) {
            throw new ExprParseException("empty operator text", 1);
        }
        if (source.length() > ExprLimits.MAX_TEXT_LENGTH) {
            throw new ExprParseException("the operator text has " + source.length() + " characters; at most "
                    + ExprLimits.MAX_TEXT_LENGTH + " are allowed", 1);
        }
        this.text = source;
        this.pos = 0;
        this.depth = 0;
        Expr e = sum();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        int treeDepth = ExprLimits.depth(e);
        if (treeDepth > ExprLimits.MAX_DEPTH) {
            // Left-associative chains (a/b/c/…) deepen the tree without nesting in the text.
            throw new ExprParseException("the operator nests " + treeDepth + " levels deep; at most "
                    + ExprLimits.MAX_DEPTH + " levels are allowed", 1);
        }
        return e;
    }

    private Expr sum() {
        List<Expr> terms = new ArrayList<>();
        terms.add(product());
        while (true) {
            skipSpace();
            if (accept('+')) {
                terms.add(product());
            } else if (accept('-')) {
                terms.add(product().times(-1));
            } else {
                break;
            }
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.Sum(terms);
    }

    private Expr product() {
        // Factors are gathered in one list (a*b*c is one product), so long products cost linear time.
        List<Expr> factors = new ArrayList<>();
        factors.add(unary());
        while (true) {
            skipSpace();
            if (accept('*')) {
                factors.add(unary());
            } else if (accept('/')) {
                Expr numerator = factors.size() == 1 ? factors.get(0) : new Expr.Product(factors);
                factors = new ArrayList<>();
                factors.add(new Expr.Quotient(numerator, unary()));
            } else {
                return factors.size() == 1 ? factors.get(0) : new Expr.Product(factors);
            }
        }
    }

    private Expr unary() {
        // A run of signs is read in a loop and folded to one (--u is u), so it adds no nesting.
        boolean negative = false;
        while (true) {
            skipSpace();
            if (accept('-')) {
                negative = !negative;
            } else if (!accept('+')) {
                break;
            }
        }
        if (++depth > ExprLimits.MAX_DEPTH) {
            throw error("the operator nests deeper than " + ExprLimits.MAX_DEPTH
                    + " levels (parentheses, function calls, exponents)");
        }
        try {
            Expr e = power();
            return negative ? e.times(-1) : e;
        } finally {
            depth--;
        }
    }

    private Expr power() {
        Expr base = primary();
        skipSpace();
        if (accept('^')) {
            int at = pos;
            Expr exponent = unary();
            if (ExprLimits.depth(exponent) > ExprLimits.MAX_DEPTH) {
                pos = at;
                throw error("the exponent after '^' nests deeper than " + ExprLimits.MAX_DEPTH + " levels");
            }
            if (ExprPrinter.dependsOnFields(exponent) || !constantOnly(exponent)) {
                pos = at;
                throw error("the exponent after '^' must be a constant");
            }
            return new Expr.Power(base, ExprPrinter.valueAt(exponent, new double[vocabulary.variables().size()]));
        }
        return base;
    }

    private static boolean constantOnly(Expr e) {
        if (e instanceof Expr.Constant) {
            return true;
        } else if (e instanceof Expr.Sum s) {
            return s.terms().stream().allMatch(ExprParser::constantOnly);
        } else if (e instanceof Expr.Product p) {
            return p.factors().stream().allMatch(ExprParser::constantOnly);
        } else if (e instanceof Expr.Quotient q) {
            return constantOnly(q.numerator()) && constantOnly(q.denominator());
        } else if (e instanceof Expr.Power p) {
            return constantOnly(p.base());
        } else if (e instanceof Expr.Call c) {
            return constantOnly(c.argument());
        }
        return false;
    }

    private Expr primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("the text ends where a number, name or '(' was expected");
        }
        char c = text.charAt(pos);
        if (accept('(')) {
            Expr e = sum();
            expect(')');
            return e;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c)) {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                return call(name, start);
            }
            return symbol(name, start);
        }
        throw error("unexpected '" + c + "'");
    }

    private Expr number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String s = text.substring(start, pos);
        double value;
        try {
            value = Double.parseDouble(s);
        } catch (NumberFormatException ex) {
            pos = start;
            throw error("malformed number '" + abbreviate(s) + "'");
        }
        if (!Double.isFinite(value)) {
            pos = start;
            throw error("the number '" + abbreviate(s) + "' is too large to be a double (at most about 1.8e308)");
        }
        return new Expr.Constant(value);
    }

    private Expr call(String name, int start) {
        expect('(');
        if (name.equals("lap") || name.equals("laplace")) {
            skipSpace();
            int at = pos;
            Expr arg = sum();
            expect(')');
            if (!(arg instanceof Expr.FieldDerivative d) || d.totalOrder() != 0) {
                pos = at;
                throw error(name + "(…) takes a field name, e.g. lap(u)");
            }
            return vocabulary.laplacian(d.fieldName());
        }
        if (name.equals("dn")) {
            skipSpace();
            int at = pos;
            Expr arg = sum();
            expect(')');
            if (!(arg instanceof Expr.FieldDerivative d) || d.totalOrder() != 0) {
                pos = at;
                throw error("dn(…) takes a field name, e.g. dn(u)");
            }
            if (!vocabulary.hasNormals()) {
                pos = start;
                throw error("dn(" + d.fieldName() + ") needs the outward normals of the domain's boundary;"
                        + " it may be used in a problem's conditions");
            }
            return vocabulary.normalDerivative(d.fieldName());
        }
        Expr.Function f;
        try {
            f = Expr.Function.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            pos = start;
            throw error("unknown function '" + abbreviate(name) + "'; functions are lap, dn, "
                    + Arrays.toString(Expr.Function.values()).toLowerCase(Locale.ROOT));
        }
        Expr arg = sum();
        expect(')');
        return new Expr.Call(f, arg);
    }

    private Expr symbol(String name, int start) {
        if (name.equals("pi")) {
            return new Expr.Constant(Math.PI);
        }
        if (name.equals("e") && !vocabulary.variables().contains("e") && !vocabulary.fields().contains("e")) {
            return new Expr.Constant(Math.E);
        }
        if (vocabulary.variables().contains(name)) {
            return vocabulary.coordinate(name);
        }
        if (vocabulary.fields().contains(name)) {
            return vocabulary.field(name);
        }
        if (vocabulary.coefficients().containsKey(name)) {
            return vocabulary.coefficient(name);
        }
        int us = name.indexOf('_');
        if (us > 0 && vocabulary.fields().contains(name.substring(0, us))) {
            String field = name.substring(0, us);
            List<String> wrt = new ArrayList<>();
            for (String part : name.substring(us + 1).split("_", -1)) {
                if (part.isEmpty()) {
                    pos = start;
                    throw error("empty part between underscores in '" + abbreviate(name) + "'");
                }
                try {
                    wrt.addAll(DerivativeSuffix.split(part, name, vocabulary.variables()));
                } catch (IllegalArgumentException e) {
                    pos = start;
                    throw error(e.getMessage());
                }
                if (wrt.size() > ExprLimits.MAX_DERIVATIVE_ORDER) {
                    pos = start;
                    throw error("'" + abbreviate(name) + "' is a derivative of order at least " + wrt.size()
                            + "; operators may use derivatives up to order " + ExprLimits.MAX_DERIVATIVE_ORDER);
                }
            }
            return vocabulary.d(field, wrt.toArray(String[]::new));
        }
        pos = start;
        throw error("unknown symbol '" + abbreviate(name) + "'; variables are " + abbreviate(vocabulary.variables().toString())
                + ", fields are " + abbreviate(vocabulary.fields().toString())
                + (vocabulary.coefficients().isEmpty() ? "" : ", coefficients are " + abbreviate(vocabulary.coefficients().keySet().toString()))
                + ", constants pi and e");
    }

    private boolean accept(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error(pos < text.length() ? "expected '" + c + "' but found '" + text.charAt(pos) + "'"
                    : "expected '" + c + "' but the text ends");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ExprParseException error(String what) {
        return new ExprParseException(what + " at column " + (pos + 1) + " of '" + excerpt() + "'", pos + 1);
    }

    /** The text around the error, so that a message stays one readable line for any text length. */
    private String excerpt() {
        if (text.length() <= EXCERPT) {
            return text;
        }
        int from = Math.max(0, Math.min(pos - EXCERPT / 2, text.length() - EXCERPT));
        int to = Math.min(text.length(), from + EXCERPT);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }

    /** @return s, or its start and end around an ellipsis when it is longer than a message should quote */
    static String abbreviate(String s) {
        return s.length() <= EXCERPT ? s : s.substring(0, EXCERPT / 2) + "…" + s.substring(s.length() - EXCERPT / 4);
    }
}
