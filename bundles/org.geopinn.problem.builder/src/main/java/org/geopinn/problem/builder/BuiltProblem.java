package org.geopinn.problem.builder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;

/**
 * An immutable problem built from its parts and validated on construction, so an inconsistent
 * definition fails before any service is registered or any training starts.
 */
final class BuiltProblem implements Problem {
    private final String id;
    private final String description;
    private final Vocabulary vocabulary;
    private final Domain domain;
    private final List<Condition> conditions;
    private final ReferenceSolution reference;
    private final Map<String, String> defaults;
    private final java.util.SortedMap<String, Double> unknowns;
    private final List<org.geopinn.api.problem.HardConstraint> hard;

    /**
     * @param id the problem id
     * @param description a one-line description
     * @param vocabulary variables and fields
     * @param domain the box and its parts
     * @param conditions the loss terms, in stacking order
     * @param reference the reference solution, or null
     * @param defaults solver defaults (keys of {@link org.geopinn.api.problem.ProblemDefaults})
     * @throws org.geopinn.api.GeopinnException when the parts are inconsistent
     */
    BuiltProblem(String id, String description, Vocabulary vocabulary, Domain domain,
            List<Condition> conditions, ReferenceSolution reference, Map<String, String> defaults) {
        this(id, description, vocabulary, domain, conditions, reference, defaults, java.util.Collections.emptySortedMap());
    }

    /**
     * A problem with trained coefficients.
     *
     * @param id the problem id
     * @param description a one-line description
     * @param vocabulary variables, fields and named coefficients
     * @param domain the domain and its parts
     * @param conditions the loss terms, in stacking order
     * @param reference the reference solution, or null
     * @param defaults solver defaults
     * @param unknowns the trained coefficients, name → initial value (names of the vocabulary's coefficients)
     * @throws org.geopinn.api.GeopinnException when the parts are inconsistent
     */
    BuiltProblem(String id, String description, Vocabulary vocabulary, Domain domain,
            List<Condition> conditions, ReferenceSolution reference, Map<String, String> defaults,
            java.util.SortedMap<String, Double> unknowns) {
        this(id, description, vocabulary, domain, conditions, reference, defaults, unknowns, List.of());
    }

    /**
     * A problem with trained coefficients and hard conditions.
     *
     * @param id the problem id
     * @param description a one-line description
     * @param vocabulary variables, fields and named coefficients
     * @param domain the domain and its parts
     * @param conditions the loss terms, in stacking order, with those the hard constraints replace
     * @param reference the reference solution, or null
     * @param defaults solver defaults
     * @param unknowns the trained coefficients, name → initial value
     * @param hard the conditions built into the model; they leave the loss
     * @throws org.geopinn.api.GeopinnException when the parts are inconsistent
     */
    BuiltProblem(String id, String description, Vocabulary vocabulary, Domain domain,
            List<Condition> conditions, ReferenceSolution reference, Map<String, String> defaults,
            java.util.SortedMap<String, Double> unknowns, List<org.geopinn.api.problem.HardConstraint> hard) {
        this.hard = List.copyOf(hard);
        this.unknowns = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(unknowns));
        this.id = id;
        this.description = Objects.requireNonNull(description, "description");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.conditions = HardConditions.remaining(conditions, hard);
        this.reference = reference;
        this.defaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        ProblemCheck.validate(this);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public List<Condition> conditions() {
        return conditions;
    }

    @Override
    public Optional<ReferenceSolution> reference() {
        return Optional.ofNullable(reference);
    }

    @Override
    public java.util.SortedMap<String, Double> coefficients() {
        java.util.SortedMap<String, Double> values = new java.util.TreeMap<>();
        vocabulary.coefficients().forEach((name, c) -> values.put(name, c.function().value(new double[0])));
        return java.util.Collections.unmodifiableSortedMap(values);
    }

    @Override
    public java.util.SortedMap<String, Double> unknowns() {
        return unknowns;
    }

    @Override
    public Map<String, String> defaults() {
        return defaults;
    }

    @Override
    public List<org.geopinn.api.problem.HardConstraint> hardConstraints() {
        return hard;
    }

    @Override
    public String toString() {
        return "Problem[" + id + ": " + description + "]";
    }
}
