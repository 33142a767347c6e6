package org.geopinn.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geopinn.api.GeopinnException;

/**
 * Reads a shape from text, as declared problems write it:
 *
 * <pre>
 * rectangle(0, 0, 1, 1) - disk(0.5, 0.5, 0.2) as hole
 * rotate(ellipse(0, 0, 2, 1), 0.5) + translate(triangle(0, 0, 1, 0, 0, 1), 2, 0)
 * </pre>
 *
 * Primitives: {@code interval(a, b)}, {@code rectangle(x0, y0, x1, y1)},
 * {@code box(x0, y0, z0, x1, y1, z1)}, {@code disk(cx, cy, r)}, {@code ball(cx, cy, cz, r)},
 * {@code ellipse(cx, cy, a, b)}, {@code polygon(x0, y0, x1, y1, …)},
 * {@code triangle(x0, y0, x1, y1, x2, y2)}, {@code tetrahedron(x0, y0, z0, …, x3, y3, z3)},
 * {@code stl("file.stl")} (a closed triangulated surface, {@link TriangleMesh}). Transformations:
 * {@code translate(S, dx, dy …)}, {@code rotate(S, angle [, cx, cy])} (2-D),
 * {@code rotate(S, angle, ax, ay, az [, cx, cy, cz])} (3-D: about the axis (ax, ay, az) through the
 * point c, the origin when omitted), {@code scale(S, factor [, centre…])},
 * {@code rename(S, part, newName)}. Operators, left to right with equal precedence: {@code +}
 * union, {@code -} difference, {@code &} intersection; parentheses group. {@code S as NAME} names
 * all boundary parts of S. The work is linear in the text's length; nesting is limited to
 * {@value #MAX_DEPTH} levels and the text to {@value #MAX_LENGTH} characters.
 */
public final class ShapeText {
    /** Deepest nesting of parentheses and calls. */
    public static final int MAX_DEPTH = 50;
    /** Longest text. */
    public static final int MAX_LENGTH = 10_000;

    private final String text;
    /** Where {@code stl("file")} looks for relative file names; null: the working directory. */
    private final java.nio.file.Path folder;
    private int pos;
    private int depth;

    private ShapeText(String text, java.nio.file.Path folder) {
        this.text = text;
        this.folder = folder;
    }

    /**
     * @param text the shape's text
     * @return the shape
     * @throws GeopinnException on one line naming the column and what is expected
     */
    public static Shape parse(String text) {
        return parse(text, null);
    }

    /**
     * @param text the shape's text
     * @param folder where the file of {@code stl("file.stl")} is looked up when its name is relative
     *        (a declaration's folder); null for the working directory
     * @return the shape
     * @throws GeopinnException on one line naming the column and what is expected, or the STL file's fault
     */
    public static Shape parse(String text, java.nio.file.Path folder) {
        if (text == null || text.isBlank()) {
            throw new GeopinnException("empty geometry text");
        }
        if (text.length() > MAX_LENGTH) {
            throw new GeopinnException("the geometry text has " + text.length() + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        ShapeText p = new ShapeText(text, folder);
        Shape s = p.combination();
        p.skip();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return s;
    }

    private Shape combination() {
        Shape s = named();
        while (true) {
            skip();
            if (accept('+')) {
                s = s.union(named());
            } else if (accept('-')) {
                s = s.minus(named());
            } else if (accept('&')) {
                s = s.intersect(named());
            } else {
                return s;
            }
        }
    }

    private Shape named() {
        Shape s = primary();
        skip();
        int save = pos;
        if (pos < text.length() && Character.isLetter(text.charAt(pos)) && word().equals("as")) {
            skip();
            String name = word();
            if (!name.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
                throw error("'as' needs a part name (letters, digits, '-' and '_')");
            }
            return s.named(name);
        }
        pos = save;
        return s;
    }

    private Shape primary() {
        skip();
        if (++depth > MAX_DEPTH) {
            throw error("the geometry nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (accept('(')) {
                Shape s = combination();
                expect(')');
                return s;
            }
            int start = pos;
            String name = word().toLowerCase(Locale.ROOT);
            skip();
            expect('(');
            switch (name) {
                case "stl": {
                    skip();
                    expect('"');
                    int from = pos;
                    while (pos < text.length() && text.charAt(pos) != '"') {
                        pos++;
                    }
                    if (pos >= text.length()) {
                        throw error("stl(\"file.stl\") needs the file name in double quotes");
                    }
                    java.nio.file.Path file = java.nio.file.Path.of(text.substring(from, pos));
                    pos++;
                    skip();
                    expect(')');
                    return TriangleMesh.read(file.isAbsolute() || folder == null ? file : folder.resolve(file));
                }
                case "translate": {
                    Shape s = combination();
                    return s.translate(numbers(true));
                }
                case "rotate": {
                    Shape s = combination();
                    double[] a = numbers(true);
                    if (s.dimension() == 3) {
                        if (a.length != 4 && a.length != 7) {
                            throw error("rotate(S, angle, ax, ay, az [, cx, cy, cz]) of a 3-D shape needs an angle and an axis"
                                    + " (and optionally a point of it); got " + a.length + " numbers");
                        }
                        return s.rotateAbout(a[0], java.util.Arrays.copyOfRange(a, 1, 4), java.util.Arrays.copyOfRange(a, 4, a.length));
                    }
                    if (a.length == 0) {
                        throw error("rotate(S, angle [, cx, cy]) needs an angle");
                    }
                    return s.rotate(a[0], java.util.Arrays.copyOfRange(a, 1, a.length));
                }
                case "scale": {
                    Shape s = combination();
                    double[] a = numbers(true);
                    if (a.length == 0) {
                        throw error("scale(S, factor [, centre…]) needs a factor");
                    }
                    return s.scale(a[0], java.util.Arrays.copyOfRange(a, 1, a.length));
                }
                case "rename": {
                    Shape s = combination();
                    skip();
                    expect(',');
                    skip();
                    String from = word();
                    skip();
                    expect(',');
                    skip();
                    String to = word();
                    skip();
                    expect(')');
                    return s.rename(from, to);
                }
                default:
                    return primitive(name, start, numbers(false));
            }
        } finally {
            depth--;
        }
    }

    private Shape primitive(String name, int start, double[] a) {
        switch (name) {
            case "interval": count(name, start, a, 2); return Shapes.interval(a[0], a[1]);
            case "rectangle": count(name, start, a, 4); return Shapes.rectangle(a[0], a[1], a[2], a[3]);
            case "box": count(name, start, a, 6); return Shapes.box(new double[] {a[0], a[1], a[2]}, new double[] {a[3], a[4], a[5]});
            case "disk": count(name, start, a, 3); return Shapes.disk(a[0], a[1], a[2]);
            case "ball": count(name, start, a, 4); return Shapes.ball(new double[] {a[0], a[1], a[2]}, a[3]);
            case "ellipse": count(name, start, a, 4); return Shapes.ellipse(a[0], a[1], a[2], a[3]);
            case "triangle": count(name, start, a, 6); return Shapes.triangle(a[0], a[1], a[2], a[3], a[4], a[5]);
            case "polygon": return Shapes.polygon(a);
            case "tetrahedron":
                count(name, start, a, 12);
                return Shapes.tetrahedron(new double[] {a[0], a[1], a[2]}, new double[] {a[3], a[4], a[5]}, new double[] {a[6], a[7], a[8]},
                        new double[] {a[9], a[10], a[11]});
            default:
                pos = start;
                throw error("unknown shape '" + name + "'; shapes are interval, rectangle, box, disk, ball, ellipse, polygon, triangle,"
                        + " tetrahedron, stl, translate, rotate, scale, rename");
        }
    }

    private void count(String name, int start, double[] a, int n) {
        if (a.length != n) {
            pos = start;
            throw error(name + "(…) takes " + n + " numbers, got " + a.length);
        }
    }

    /** Numbers up to ')': after a shape argument each is preceded by a comma. */
    private double[] numbers(boolean afterShape) {
        List<Double> out = new ArrayList<>();
        skip();
        if (accept(')')) {
            return new double[0];
        }
        boolean first = !afterShape;
        while (true) {
            skip();
            if (!first) {
                expect(',');
                skip();
            }
            first = false;
            out.add(number());
            skip();
            if (accept(')')) {
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
    }

    private double number() {
        int start = pos;
        while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos);
        if (s.equals("pi")) {
            return Math.PI;
        }
        if (s.isEmpty() && text.startsWith("pi", pos)) {
            pos += 2;
            return Math.PI;
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected a number");
        }
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || (pos > start && text.charAt(pos) == '-' && pos + 1 < text.length() && Character.isLetterOrDigit(text.charAt(pos + 1))))) {
            pos++;
        }
        if (pos == start) {
            throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "the text ends too early");
        }
        return text.substring(start, pos);
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private GeopinnException error(String what) {
        String excerpt = text.length() > 60 ? text.substring(0, 57) + "…" : text;
        return new GeopinnException("geometry '" + excerpt + "', column " + (pos + 1) + ": " + what);
    }
}
