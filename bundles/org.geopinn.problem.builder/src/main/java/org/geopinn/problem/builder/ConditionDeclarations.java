package org.geopinn.problem.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.HardConstraint;
import org.geopinn.expr.Vocabulary;

/**
 * The conditions of a {@link ProblemBuilder}'s declarations, each a function of the vocabulary (so
 * they are read again when coefficients become inputs), the source text of those given one, and
 * which of them are built into the model as hard conditions.
 */
final class ConditionDeclarations {
    private final List<Function<Vocabulary, Condition>> conditions = new ArrayList<>();
    /** The source text of each condition given one (or "0" for none): the data g of a hard condition. */
    private final Map<String, String> sourceTexts = new LinkedHashMap<>();
    /** Conditions built into the model, name → distance text (null: from the domain). */
    private final Map<String, String> hard = new LinkedHashMap<>();
    /** The domain while {@link #build} applies the conditions: periodic conditions find their shift in it. */
    private Domain builtDomain;

    /** @param condition a condition, made once the vocabulary is known */
    void add(Function<Vocabulary, Condition> condition) {
        conditions.add(condition);
    }

    /** @param name a condition's name @param text the text of its right-hand side ("0" for none) */
    void sourceText(String name, String text) {
        sourceTexts.put(name, text);
    }

    /** @param name a condition's name @param distance φ as text, or null for the domain's */
    void hard(String name, String distance) {
        hard.put(name, distance);
    }

    /** @return the domain of the build under way, for a periodic condition's shift */
    Domain builtDomain() {
        return builtDomain;
    }

    /**
     * @param change what to change in the condition declared last
     * @throws IllegalStateException when there is none yet
     */
    void amendLast(UnaryOperator<Condition> change) {
        if (conditions.isEmpty()) {
            throw new IllegalStateException("declare a condition first");
        }
        int last = conditions.size() - 1;
        Function<Vocabulary, Condition> previous = conditions.get(last);
        conditions.set(last, v -> change.apply(previous.apply(v)));
    }

    /**
     * @param v the vocabulary
     * @param domain the domain
     * @return the conditions, in declaration order
     */
    List<Condition> build(Vocabulary v, Domain domain) {
        builtDomain = domain;
        List<Condition> built = new ArrayList<>();
        conditions.forEach(c -> built.add(c.apply(v)));
        return built;
    }

    /**
     * @param v the vocabulary
     * @param domain the domain
     * @param built every condition of the problem
     * @return the hard constraints of the conditions marked hard, in the order they were marked
     * @throws GeopinnException for a name that is no condition or a condition whose source is a Java function
     */
    List<HardConstraint> hardConstraints(Vocabulary v, Domain domain, List<Condition> built) {
        List<HardConstraint> constraints = new ArrayList<>();
        for (Map.Entry<String, String> h : hard.entrySet()) {
            Condition c = built.stream().filter(x -> x.name().equals(h.getKey())).findFirst().orElseThrow(() ->
                    new GeopinnException("hard condition '" + h.getKey() + "': there is no condition of that name"));
            if (!sourceTexts.containsKey(c.name())) {
                throw new GeopinnException("hard condition '" + c.name() + "': its source must be text in the variables (or"
                        + " none), so that the derivatives of g are known; it is a Java function");
            }
            constraints.add(HardConditions.of(v, domain, c, sourceTexts.get(c.name()), h.getValue()));
        }
        return constraints;
    }

    /** @param into a fresh declaration that receives a copy of these */
    void copyInto(ConditionDeclarations into) {
        into.conditions.addAll(conditions);
        into.sourceTexts.putAll(sourceTexts);
        into.hard.putAll(hard);
    }
}
