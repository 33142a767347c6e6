package org.geopinn.problem.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.expr.Vocabulary;

/**
 * What a {@link ProblemBuilder}'s problem is measured against: observations (loss terms on data,
 * whose held-out rows may be the reference) and the reference solution (exact solutions per field
 * as Java functions or text, or a solution computed otherwise).
 */
final class ReferenceDeclarations {
    private final Map<String, Function<Vocabulary, Observations>> observed = new LinkedHashMap<>();
    private final List<Function<Vocabulary, PointFunction>> exact = new ArrayList<>();
    private ReferenceSolution reference;
    /** Whether the reference is a Java function or object (computed for one value of each coefficient). */
    private boolean javaReference;

    /** @param name the condition's name @param observations read once the vocabulary is known */
    void observe(String name, Function<Vocabulary, Observations> observations) {
        observed.put(name, observations);
    }

    /** @param perField exact solutions as Java functions of the point */
    void exact(PointFunction... perField) {
        exact.clear();
        javaReference = true;
        for (PointFunction f : perField) {
            exact.add(v -> f);
        }
    }

    /** @param perField exact solutions as text in the variables */
    void exact(String... perField) {
        exact.clear();
        javaReference = false;
        for (String text : perField) {
            exact.add(v -> TextForms.coordinates(v, "reference '" + text + "'", text));
        }
    }

    /**
     * @param perField exact solutions bound to the problem's vocabulary when it is built (Java
     *        functions that read the coefficients by name): kept when a coefficient becomes parametric
     */
    void exactFollowingCoefficients(List<Function<Vocabulary, PointFunction>> perField) {
        exact.clear();
        javaReference = false; // they read the coefficients, so they follow them
        exact.addAll(perField);
    }

    /** @param solution a reference computed otherwise */
    void solution(ReferenceSolution solution) {
        exact.clear();
        javaReference = true;
        this.reference = solution;
    }

    /**
     * Adds the observations' loss terms (attributed to {@code interior}) to the conditions and
     * resolves the reference: the exact solutions if given, else a solution given, else the held-out
     * observations of a single-field problem.
     *
     * @param v the vocabulary
     * @param fields the problem's fields
     * @param conditions the conditions built so far (receives the observations' terms)
     * @return the reference, or null for none
     * @throws GeopinnException when the exact solutions do not match the fields, or held-out rows
     *         would be the reference of a problem with several fields
     */
    ReferenceSolution build(Vocabulary v, List<String> fields, List<Condition> conditions) {
        ReferenceSolution solution = reference;
        for (Map.Entry<String, Function<Vocabulary, Observations>> o : observed.entrySet()) {
            Observations obs = o.getValue().apply(v);
            conditions.add(obs.condition(o.getKey(), "interior", v));
            if (obs.validationSize() > 0 && solution == null && exact.isEmpty()) {
                if (fields.size() != 1) {
                    throw new GeopinnException("held-out observations are the reference of a single-field problem; this one has fields "
                            + fields);
                }
                solution = obs.validation();
            }
        }
        if (!exact.isEmpty()) {
            if (exact.size() != fields.size()) {
                throw new GeopinnException("the reference gives " + exact.size() + " exact solutions for the "
                        + fields.size() + " fields " + fields);
            }
            solution = ReferenceSolution.of(exact.stream().map(f -> f.apply(v)).toList());
        }
        return solution;
    }

    /**
     * @param into a fresh declaration that receives a copy of these for coefficients turned into
     *        inputs: text is read again with the inputs, a Java reference (computed for one value) is dropped
     */
    void copyForParameters(ReferenceDeclarations into) {
        into.observed.putAll(observed);
        if (!javaReference) {
            into.exact.addAll(exact);
        }
    }
}
