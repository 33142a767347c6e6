package org.geopinn.api.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A differential operator or coordinate function as an immutable expression tree.
 *
 * <p>Leaves are constants, coordinates, partial derivatives of output fields
 * ({@link FieldDerivative}, the field itself being the derivative of order zero) and coefficient
 * functions of the coordinates given in Java ({@link Coefficient}). Inner nodes are sums,
 * products, quotients, integer or real powers and elementary functions, so nonlinear operators
 * such as Burgers' {@code u*u_x} or Allen–Cahn's {@code u^3} are ordinary expressions. Operator
 * engines evaluate the tree pointwise and linearise it in the field derivatives for Jacobians.
 */
public sealed interface Expr permits Expr.Constant, Expr.Coordinate, Expr.FieldDerivative,
        Expr.Coefficient, Expr.Sum, Expr.Product, Expr.Quotient, Expr.Power, Expr.Call {

    /** Elementary functions of one argument. */
    enum Function {
        /** sine */ SIN, /** cosine */ COS, /** exponential */ EXP, /** natural logarithm */ LOG,
        /** hyperbolic tangent */ TANH, /** hyperbolic sine */ SINH, /** hyperbolic cosine */ COSH,
        /** square root */ SQRT;

        /**
         * @param x the argument
         * @return this function at {@code x}
         */
        public double apply(double x) {
            switch (this) {
                case SIN: return Math.sin(x);
                case COS: return Math.cos(x);
                case EXP: return Math.exp(x);
                case LOG: return Math.log(x);
                case TANH: return Math.tanh(x);
                case SINH: return Math.sinh(x);
                case COSH: return Math.cosh(x);
                case SQRT: return Math.sqrt(x);
                default: throw new AssertionError(this);
            }
        }

        /**
         * @param x the argument
         * @return the first derivative of this function at {@code x}
         */
        public double derivative(double x) {
            switch (this) {
                case SIN: return Math.cos(x);
                case COS: return -Math.sin(x);
                case EXP: return Math.exp(x);
                case LOG: return 1 / x;
                case TANH: { double t = Math.tanh(x); return 1 - t * t; }
                case SINH: return Math.cosh(x);
                case COSH: return Math.sinh(x);
                case SQRT: return 0.5 / Math.sqrt(x);
                default: throw new AssertionError(this);
            }
        }
    }

    /** A real constant. @param value its value */
    record Constant(double value) implements Expr {
    }

    /**
     * An input coordinate.
     *
     * @param index position of the variable in the problem's variable list
     * @param name the variable's name
     */
    record Coordinate(int index, String name) implements Expr {
    }

    /**
     * A partial derivative of an output field: {@code orders[j]} derivatives in variable j.
     * All orders zero is the field itself.
     *
     * @param field position of the field in the problem's field list
     * @param fieldName the field's name
     * @param orders derivative order per input variable (copied, never modified)
     */
    record FieldDerivative(int field, String fieldName, int[] orders) implements Expr {
        /** Copies the orders so the record stays immutable. */
        public FieldDerivative {
            orders = orders.clone();
        }

        @Override
        public int[] orders() {
            return orders.clone();
        }

        /** @return the total order, the sum of the orders per variable */
        public int totalOrder() {
            return Arrays.stream(orders).sum();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FieldDerivative d && d.field == field && Arrays.equals(d.orders, orders);
        }

        @Override
        public int hashCode() {
            return 31 * field + Arrays.hashCode(orders);
        }

        @Override
        public String toString() {
            return "FieldDerivative[" + fieldName + Arrays.toString(orders) + "]";
        }
    }

    /**
     * A coefficient function of the coordinates written in Java (for example a source term or a
     * coordinate-dependent diffusivity).
     *
     * @param name a name for messages and printing
     * @param function the function of a point
     */
    record Coefficient(String name, PointFunction function) implements Expr {
    }

    /** Sum of terms. @param terms the terms, at least one */
    record Sum(List<Expr> terms) implements Expr {
        /** Copies the list. */
        public Sum {
            terms = List.copyOf(terms);
        }
    }

    /** Product of factors. @param factors the factors, at least one */
    record Product(List<Expr> factors) implements Expr {
        /** Copies the list. */
        public Product {
            factors = List.copyOf(factors);
        }
    }

    /** Quotient. @param numerator the numerator @param denominator the denominator */
    record Quotient(Expr numerator, Expr denominator) implements Expr {
    }

    /** A real power. @param base the base @param exponent the exponent */
    record Power(Expr base, double exponent) implements Expr {
    }

    /** An elementary function applied to an argument. @param function the function @param argument its argument */
    record Call(Function function, Expr argument) implements Expr {
    }

    // ---- composition -------------------------------------------------------------------------

    /** @param other the other term @return {@code this + other} */
    default Expr plus(Expr other) {
        return new Sum(List.of(this, other));
    }

    /** @param other the subtrahend @return {@code this - other} */
    default Expr minus(Expr other) {
        return new Sum(List.of(this, other.times(-1)));
    }

    /** @param other the other factor @return {@code this * other} */
    default Expr times(Expr other) {
        return new Product(List.of(this, other));
    }

    /** @param c a constant factor @return {@code c * this} */
    default Expr times(double c) {
        return new Product(List.of(new Constant(c), this));
    }

    /** @param other the denominator @return {@code this / other} */
    default Expr over(Expr other) {
        return new Quotient(this, other);
    }

    /** @param exponent the exponent @return {@code this ^ exponent} */
    default Expr pow(double exponent) {
        return new Power(this, exponent);
    }

    /** @param c a constant @return a constant expression */
    static Expr constant(double c) {
        return new Constant(c);
    }

    /** Shorthand for {@code Objects.requireNonNull}. @param e an expression @return e */
    static Expr require(Expr e) {
        return Objects.requireNonNull(e, "expression");
    }
}
