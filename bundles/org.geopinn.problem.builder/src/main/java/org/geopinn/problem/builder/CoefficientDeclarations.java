package org.geopinn.problem.builder;

import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The named scalar coefficients of a {@link ProblemBuilder}'s declarations, with the subset that is
 * trained (an inverse problem's unknowns, valued by their initial guess).
 */
final class CoefficientDeclarations {
    private final SortedMap<String, Double> values = new TreeMap<>();
    private final SortedMap<String, Double> unknowns = new TreeMap<>();

    /** @param name a coefficient @param value its value */
    void coefficient(String name, double value) {
        values.put(Objects.requireNonNull(name, "name"), value);
    }

    /** @param name a trained coefficient @param initialGuess the value training starts from */
    void unknown(String name, double initialGuess) {
        coefficient(name, initialGuess);
        unknowns.put(name, initialGuess);
    }

    /** @return every coefficient, name → value (the builder's own map) */
    SortedMap<String, Double> values() {
        return values;
    }

    /** @return the trained coefficients, name → initial value (the builder's own map) */
    SortedMap<String, Double> unknowns() {
        return unknowns;
    }

    /**
     * @param into a fresh declaration that receives a copy of these
     * @param inputs coefficients that become inputs instead, left out of the copy
     */
    void copyInto(CoefficientDeclarations into, Set<String> inputs) {
        into.values.putAll(values);
        into.unknowns.putAll(unknowns);
        into.values.keySet().removeAll(inputs);
    }
}
