package org.geopinn.operators;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.ExprLimits;
import org.geopinn.expr.ExprPrinter;

/**
 * An operator expression compiled once into a flat postfix program that evaluates, at one point,
 * the expression's value and its partial derivatives with respect to each field-derivative leaf.
 *
 * <p>The program runs on a stack of forward-mode duals: each stack entry is a value followed by
 * its derivatives with respect to the L leaves. Evaluation allocates nothing; the caller supplies
 * the workspace ({@link #workspaceLength()} doubles), so one compiled program can serve several
 * threads, each with its own workspace. Subtrees that depend neither on fields, coordinates nor
 * coefficients are folded into constants at compile time.
 *
 * <p>The partial derivatives are what linearises a nonlinear operator: the Jacobian row of a
 * residual at point x is Σ_l (∂expr/∂leaf_l)(x) · ∂leaf_l/∂θ.
 */
public final class ExpressionProgram {
    private static final int CONST = 0;
    private static final int COORD = 1;
    private static final int COEF = 2;
    private static final int LEAF = 3;
    private static final int ADD = 4;
    private static final int MUL = 5;
    private static final int DIV = 6;
    private static final int POW = 7;
    private static final int CALL = 8;
    private static final int UNKNOWN = 9;

    private static final Expr.Function[] FUNCTIONS = Expr.Function.values();

    private final int[] ops;
    private final int[] args;
    private final double[] numbers;
    private final List<Expr.FieldDerivative> leaves;
    private final List<Expr.Coefficient> coefficients;
    private final List<String> unknowns;
    private final int maxCoordinate;
    private final int width;
    private final int depth;

    private ExpressionProgram(Compiler c) {
        this.ops = c.ops.stream().mapToInt(Integer::intValue).toArray();
        this.args = c.args.stream().mapToInt(Integer::intValue).toArray();
        this.numbers = c.numbers.stream().mapToDouble(Double::doubleValue).toArray();
        this.leaves = List.copyOf(c.leaves);
        this.coefficients = List.copyOf(c.coefficients);
        this.unknowns = List.copyOf(c.unknowns);
        this.maxCoordinate = c.maxCoordinate;
        this.width = leaves.size() + unknowns.size() + 1;
        this.depth = c.maxDepth;
    }

    /**
     * Compiles an expression.
     *
     * @param expression the operator (not modified)
     * @return its program; leaves are the distinct field derivatives in order of first appearance
     * @throws GeopinnException for a tree deeper than {@link ExprLimits#MAX_DEPTH} (compiling recurses)
     */
    public static ExpressionProgram compile(Expr expression) {
        return compile(expression, List.of());
    }

    /**
     * Compiles an expression whose coefficients of the given names are trained: the program then
     * also gives the partial derivatives with respect to them, after those in the leaves, so the
     * Jacobian column of a trained coefficient is exact (forward mode, the same duals).
     *
     * @param expression the operator (not modified)
     * @param unknowns names of trained coefficients ({@link Expr.Coefficient#name()}), in θ order;
     *        their values are the coefficient values passed to {@link #evaluate}
     * @return its program
     * @throws GeopinnException for a tree deeper than {@link ExprLimits#MAX_DEPTH}
     */
    public static ExpressionProgram compile(Expr expression, List<String> unknowns) {
        int depth = ExprLimits.depth(Expr.require(expression));
        if (depth > ExprLimits.MAX_DEPTH) {
            throw new GeopinnException("the operator nests " + depth + " levels deep; at most " + ExprLimits.MAX_DEPTH
                    + " levels are allowed");
        }
        Compiler c = new Compiler(ExprPrinter.fieldDerivatives(expression), unknowns);
        c.emit(Expr.require(expression));
        return new ExpressionProgram(c);
    }

    /** @return the distinct field derivatives the expression uses, indexed as in {@link #evaluate} */
    public List<Expr.FieldDerivative> leaves() {
        return leaves;
    }

    /** @return the distinct Java coefficient functions, indexed as in {@link #evaluate} */
    public List<Expr.Coefficient> coefficients() {
        return coefficients;
    }

    /** @return the names of the trained coefficients, whose partials follow the leaves' in {@link #evaluate} */
    public List<String> unknowns() {
        return unknowns;
    }

    /** @return the largest coordinate index the expression reads, or -1 if none */
    public int maxCoordinateIndex() {
        return maxCoordinate;
    }

    /** @return the number of doubles a workspace for {@link #evaluate} needs */
    public int workspaceLength() {
        return depth * width;
    }

    /** @return a fresh workspace for {@link #evaluate} */
    public double[] newWorkspace() {
        return new double[workspaceLength()];
    }

    /**
     * Evaluates the expression and its partial derivatives in the leaves at one point.
     *
     * @param leafValues the value of each leaf at the point (not modified)
     * @param coefficientValues the value of each coefficient function at the point (not modified)
     * @param points coordinates, the point's starting at {@code pointOffset} (not modified)
     * @param pointOffset index of the point's first coordinate
     * @param partials receives ∂expr/∂leaf_l, then ∂expr/∂c_u for each trained coefficient, length at
     *        least L + U (modified)
     * @param workspace scratch of {@link #workspaceLength()} doubles (modified)
     * @return the expression's value
     */
    public double evaluate(double[] leafValues, double[] coefficientValues, double[] points, int pointOffset,
            double[] partials, double[] workspace) {
        final int w = width;
        final double[] s = workspace;
        int top = 0; // index of the next free entry
        for (int pc = 0; pc < ops.length; pc++) {
            switch (ops[pc]) {
                case CONST: top = pushConstant(s, top, numbers[pc]); break;
                case COORD: top = pushConstant(s, top, points[pointOffset + args[pc]]); break;
                case COEF: top = pushConstant(s, top, coefficientValues[args[pc]]); break;
                case UNKNOWN: {
                    top = pushConstant(s, top, coefficientValues[args[pc]]);
                    s[(top - 1) * w + 1 + (int) numbers[pc]] = 1;
                    break;
                }
                case LEAF: {
                    int b = top * w;
                    s[b] = leafValues[args[pc]];
                    for (int l = 1; l < w; l++) {
                        s[b + l] = 0;
                    }
                    s[b + 1 + args[pc]] = 1;
                    top++;
                    break;
                }
                case ADD: {
                    int k = args[pc];
                    int r = (top - k) * w;
                    for (int j = 1; j < k; j++) {
                        int b = r + j * w;
                        for (int l = 0; l < w; l++) {
                            s[r + l] += s[b + l];
                        }
                    }
                    top -= k - 1;
                    break;
                }
                case MUL: {
                    int k = args[pc];
                    int r = (top - k) * w;
                    for (int j = 1; j < k; j++) {
                        int b = r + j * w;
                        double a = s[r];
                        double c = s[b];
                        for (int l = 1; l < w; l++) {
                            s[r + l] = s[r + l] * c + a * s[b + l];
                        }
                        s[r] = a * c;
                    }
                    top -= k - 1;
                    break;
                }
                case DIV: {
                    int r = (top - 2) * w;
                    int b = r + w;
                    double q = s[r] / s[b];
                    double inv = 1 / s[b];
                    for (int l = 1; l < w; l++) {
                        s[r + l] = (s[r + l] - q * s[b + l]) * inv;
                    }
                    s[r] = q;
                    top--;
                    break;
                }
                case POW: {
                    int r = (top - 1) * w;
                    double p = numbers[pc];
                    double a = s[r];
                    double value;
                    double slope;
                    if (p == 2) {
                        value = a * a;
                        slope = 2 * a;
                    } else if (p == 1) {
                        value = a;
                        slope = 1;
                    } else if (p == 0) {
                        value = 1;
                        slope = 0;
                    } else {
                        value = Math.pow(a, p);
                        slope = p * Math.pow(a, p - 1);
                    }
                    scaleDerivatives(s, r, w, slope);
                    s[r] = value;
                    break;
                }
                case CALL: {
                    int r = (top - 1) * w;
                    Expr.Function f = FUNCTIONS[args[pc]];
                    double a = s[r];
                    scaleDerivatives(s, r, w, f.derivative(a));
                    s[r] = f.apply(a);
                    break;
                }
                default: throw new AssertionError(ops[pc]);
            }
        }
        for (int l = 1; l < w; l++) {
            partials[l - 1] = s[l];
        }
        return s[0];
    }

    private int pushConstant(double[] s, int top, double value) {
        int b = top * width;
        s[b] = value;
        for (int l = 1; l < width; l++) {
            s[b + l] = 0;
        }
        return top + 1;
    }

    private static void scaleDerivatives(double[] s, int r, int w, double factor) {
        for (int l = 1; l < w; l++) {
            s[r + l] *= factor;
        }
    }

    /** Emits postfix code for a tree, tracking the stack depth the program needs. */
    private static final class Compiler {
        final List<Integer> ops = new ArrayList<>();
        final List<Integer> args = new ArrayList<>();
        final List<Double> numbers = new ArrayList<>();
        final List<Expr.FieldDerivative> leaves;
        final List<Expr.Coefficient> coefficients = new ArrayList<>();
        final List<String> unknowns;
        int maxCoordinate = -1;
        int depth;
        int maxDepth = 1;

        Compiler(List<Expr.FieldDerivative> leaves, List<String> unknowns) {
            this.leaves = leaves;
            this.unknowns = List.copyOf(unknowns);
        }

        void emit(Expr e) {
            if (!(e instanceof Expr.Constant) && isConstant(e)) {
                instruction(CONST, 0, ExprPrinter.valueAt(e, new double[0]), +1);
            } else if (e instanceof Expr.Constant c) {
                instruction(CONST, 0, c.value(), +1);
            } else if (e instanceof Expr.Coordinate c) {
                maxCoordinate = Math.max(maxCoordinate, c.index());
                instruction(COORD, c.index(), 0, +1);
            } else if (e instanceof Expr.Coefficient c) {
                int m = coefficients.indexOf(c);
                if (m < 0) {
                    m = coefficients.size();
                    coefficients.add(c);
                }
                int u = unknowns.indexOf(c.name());
                if (u >= 0) {
                    instruction(UNKNOWN, m, leaves.size() + u, +1);
                } else {
                    instruction(COEF, m, 0, +1);
                }
            } else if (e instanceof Expr.FieldDerivative d) {
                instruction(LEAF, leaves.indexOf(d), 0, +1);
            } else if (e instanceof Expr.Sum s) {
                emitAll(s.terms(), ADD);
            } else if (e instanceof Expr.Product p) {
                emitAll(p.factors(), MUL);
            } else if (e instanceof Expr.Quotient q) {
                emit(q.numerator());
                emit(q.denominator());
                instruction(DIV, 2, 0, -1);
            } else if (e instanceof Expr.Power p) {
                emit(p.base());
                instruction(POW, 0, p.exponent(), 0);
            } else if (e instanceof Expr.Call c) {
                emit(c.argument());
                instruction(CALL, c.function().ordinal(), 0, 0);
            } else {
                throw new AssertionError(e);
            }
        }

        private void emitAll(List<Expr> parts, int op) {
            if (parts.isEmpty()) {
                instruction(CONST, 0, op == ADD ? 0 : 1, +1);
                return;
            }
            for (Expr part : parts) {
                emit(part);
            }
            if (parts.size() > 1) {
                instruction(op, parts.size(), 0, 1 - parts.size());
            }
        }

        private void instruction(int op, int arg, double number, int stackChange) {
            ops.add(op);
            args.add(arg);
            numbers.add(number);
            depth += stackChange;
            maxDepth = Math.max(maxDepth, depth);
        }

        /** Whether a subtree has a fixed value: no fields, coordinates or coefficient functions. */
        private static boolean isConstant(Expr e) {
            if (e instanceof Expr.Constant) {
                return true;
            } else if (e instanceof Expr.Sum s) {
                return s.terms().stream().allMatch(Compiler::isConstant);
            } else if (e instanceof Expr.Product p) {
                return p.factors().stream().allMatch(Compiler::isConstant);
            } else if (e instanceof Expr.Quotient q) {
                return isConstant(q.numerator()) && isConstant(q.denominator());
            } else if (e instanceof Expr.Power p) {
                return isConstant(p.base());
            } else if (e instanceof Expr.Call c) {
                return isConstant(c.argument());
            }
            return false;
        }
    }
}
