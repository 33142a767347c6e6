package org.geopinn.api.expr;

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
 * and {@code lap(u)} for the Laplacian of a field over the spatial variables (all but {@code t}).
 */
public final class ExprParser {
    private final Vocabulary vocabulary;
    private String text;
    private int pos;

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
        this.text = source;
        this.pos = 0;
        Expr e = sum();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
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
        Expr e = unary();
        while (true) {
            skipSpace();
            if (accept('*')) {
                e = flattenProduct(e, unary());
            } else if (accept('/')) {
                e = new Expr.Quotient(e, unary());
            } else {
                return e;
            }
        }
    }

    private static Expr flattenProduct(Expr a, Expr b) {
        List<Expr> f = new ArrayList<>();
        if (a instanceof Expr.Product p) {
            f.addAll(p.factors());
        } else {
            f.add(a);
        }
        f.add(b);
        return new Expr.Product(f);
    }

    private Expr unary() {
        skipSpace();
        if (accept('-')) {
            return unary().times(-1);
        }
        if (accept('+')) {
            return unary();
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        skipSpace();
        if (accept('^')) {
            int at = pos;
            Expr exponent = unary();
            if (exponent.dependsOnFields() || !constantOnly(exponent)) {
                pos = at;
                throw error("the exponent after '^' must be a constant");
            }
            return new Expr.Power(base, exponent.valueAt(new double[vocabulary.variables().size()]));
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
        try {
            return new Expr.Constant(Double.parseDouble(s));
        } catch (NumberFormatException ex) {
            pos = start;
            throw error("malformed number '" + s + "'");
        }
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
        Expr.Function f;
        try {
            f = Expr.Function.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            pos = start;
            throw error("unknown function '" + name + "'; functions are lap, "
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
        int us = name.indexOf('_');
        if (us > 0 && vocabulary.fields().contains(name.substring(0, us))) {
            String field = name.substring(0, us);
            List<String> wrt = new ArrayList<>();
            for (String part : name.substring(us + 1).split("_")) {
                if (!splitVariables(part, 0, wrt)) {
                    pos = start;
                    throw error("cannot read '" + part + "' in '" + name + "' as derivatives by variables "
                            + vocabulary.variables());
                }
            }
            return vocabulary.d(field, wrt.toArray(String[]::new));
        }
        pos = start;
        throw error("unknown symbol '" + name + "'; variables are " + vocabulary.variables() + ", fields are "
                + vocabulary.fields() + ", constants pi and e");
    }

    /** Splits a derivative suffix such as "xy" or "x1x2" into variable names, longest names first. */
    private boolean splitVariables(String s, int from, List<String> out) {
        if (from == s.length()) {
            return from > 0;
        }
        List<String> candidates = new ArrayList<>(vocabulary.variables());
        candidates.sort((a, b) -> b.length() - a.length());
        for (String v : candidates) {
            if (s.startsWith(v, from)) {
                out.add(v);
                if (splitVariables(s, from + v.length(), out)) {
                    return true;
                }
                out.remove(out.size() - 1);
            }
        }
        return false;
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
        return new ExprParseException(what + " at column " + (pos + 1) + " of '" + text + "'", pos + 1);
    }
}
