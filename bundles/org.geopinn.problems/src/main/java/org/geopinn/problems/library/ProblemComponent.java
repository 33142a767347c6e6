package org.geopinn.problems.library;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;

/**
 * Base of the problem components: each component builds its {@link Problem} once (from its
 * configuration, if it has one) and the service delegates to it. A changed configuration makes
 * Declarative Services re-create the component, so the delegate never changes under a session.
 */
abstract class ProblemComponent implements Problem {
    private final Problem definition;

    /** @param definition the problem this component provides */
    ProblemComponent(Problem definition) {
        this.definition = definition;
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public String description() {
        return definition.description();
    }

    @Override
    public Vocabulary vocabulary() {
        return definition.vocabulary();
    }

    @Override
    public Domain domain() {
        return definition.domain();
    }

    @Override
    public List<Condition> conditions() {
        return definition.conditions();
    }

    @Override
    public Optional<ReferenceSolution> reference() {
        return definition.reference();
    }

    @Override
    public Map<String, String> defaults() {
        return definition.defaults();
    }

    @Override
    public String toString() {
        return definition.toString();
    }
}
