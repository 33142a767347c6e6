package org.geopinn.problem.builder;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.expr.Vocabulary;

/**
 * A function of the point written in Java that reads the problem's coefficients by name, for a
 * source or an exact solution: {@code (x, c) -> exp(-PI * PI * c.get("kappa") * x[0]) * sin(PI * x[1])}.
 * Unlike a plain {@link PointFunction}, which bakes a coefficient's value in, it follows the
 * coefficient when {@link org.geopinn.api.problem.Problem#parametric} makes it an input of the
 * network: {@code c.get("kappa")} is then the point's coordinate of that input. So such a reference
 * is kept by the parametric problem instead of being dropped, and such a source stays right for every
 * value of the coefficient.
 */
@FunctionalInterface
public interface CoefficientFunction {
    /**
     * @param point the coordinates, in the problem's variable order (not modified)
     * @param coefficients the coefficients' values at this point
     * @return the function's value there
     */
    double value(double[] point, Coefficients coefficients);

    /** The problem's coefficients as a function of their name, at one point. */
    @FunctionalInterface
    interface Coefficients {
        /**
         * @param name a coefficient of the problem (or a parametric input made from one)
         * @return its value at the point
         * @throws GeopinnException naming the coefficient when the problem has none of that name
         */
        double get(String name);
    }

    /**
     * @param f the function
     * @param v the problem's vocabulary: its coefficients, and its parametric inputs as coordinates
     * @param trained the problem's trained coefficients, whose declared value is only the initial guess
     * @param what what it is, for messages (e.g. {@code "the reference of field 1"})
     * @return f as a function of the point
     * @throws GeopinnException one line naming {@code what} and a name it reads that is not a coefficient or
     *         that is trained: f is tried once at the origin to find the names it reads (if f itself fails there,
     *         the names are checked when it is evaluated)
     */
    static PointFunction bind(CoefficientFunction f, Vocabulary v, Set<String> trained, String what) {
        double[] origin = new double[v.variables().size()];
        Set<String> read = new TreeSet<>();
        try {
            f.value(origin, name -> {
                read.add(name);
                return lookup(v, name, what, origin);
            });
        } catch (GeopinnException e) {
            throw e;
        } catch (RuntimeException e) {
            // the user's function fails outside its domain: the names it reads are checked when evaluated
        }
        for (String name : read) {
            if (trained.contains(name)) {
                throw new GeopinnException(what + " reads the coefficient '" + name + "', which is trained: its declared value"
                        + " is only the initial guess, so it cannot define a source or a reference");
            }
        }
        return x -> f.value(x, name -> lookup(v, name, what, x));
    }

    /** @return the coefficient's value at x: its constant, or x's coordinate of the input it became */
    private static double lookup(Vocabulary v, String name, String what, double[] x) {
        if (v.parameters().contains(name)) {
            return x[v.variableIndex(name)];
        }
        Map<String, org.geopinn.api.expr.Expr.Coefficient> named = v.coefficients();
        if (!named.containsKey(name)) {
            throw new GeopinnException(what + " reads '" + name + "', which is not a coefficient; coefficients are "
                    + (named.isEmpty() && v.parameters().isEmpty() ? "none" : union(named.keySet(), v.parameters())));
        }
        return named.get(name).function().value(x);
    }

    private static Set<String> union(Set<String> a, java.util.List<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
