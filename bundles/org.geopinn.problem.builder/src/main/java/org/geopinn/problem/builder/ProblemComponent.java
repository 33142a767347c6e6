package org.geopinn.problem.builder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.expr.Symbols;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;

/**
 * Base of a problem component: a Declarative Services component that builds its {@link Problem}
 * once, in its constructor (from its configuration, if it has one), and delegates to it. A changed
 * configuration makes Declarative Services create a new component, so the problem never changes
 * under a training session that uses it.
 *
 * <pre>{@code
 * @Component(service = Problem.class, property = "geopinn.id=wave")
 * public class Wave extends ProblemComponent {
 *     public Wave() {
 *         super(ProblemBuilder.problem("wave", "1+1-D wave u_tt = u_xx").variable("t", 0, 1).variable("x", 0, 1)
 *                 .field("u").condition("pde", "interior", "u_tt - u_xx", 400) … .build());
 *     }
 * }
 * }</pre>
 *
 * When the problem depends on settings that must be checked first, call the no-argument
 * constructor and {@link #define(Problem)} in the constructor's body.
 */
public abstract class ProblemComponent implements Problem {
    private Problem definition;

    /** @param definition the problem this component provides */
    protected ProblemComponent(Problem definition) {
        define(definition);
    }

    /** For a subclass that calls {@link #define(Problem)} in its constructor. */
    protected ProblemComponent() {
    }

    /**
     * @param problem the problem this component provides; call once, in the constructor
     * @throws IllegalStateException when already defined
     */
    protected final void define(Problem problem) {
        if (definition != null) {
            throw new IllegalStateException("the problem of " + getClass().getName() + " is already defined");
        }
        definition = java.util.Objects.requireNonNull(problem, "problem");
    }

    private Problem definition() {
        if (definition == null) {
            throw new IllegalStateException(getClass().getName() + " did not define its problem in its constructor");
        }
        return definition;
    }

    @Override
    public String id() {
        return definition().id();
    }

    @Override
    public String description() {
        return definition().description();
    }

    @Override
    public Symbols vocabulary() {
        return definition().vocabulary();
    }

    @Override
    public Domain domain() {
        return definition().domain();
    }

    @Override
    public List<Condition> conditions() {
        return definition().conditions();
    }

    @Override
    public Optional<ReferenceSolution> reference() {
        return definition().reference();
    }

    @Override
    public java.util.SortedMap<String, Double> coefficients() {
        return definition().coefficients();
    }

    @Override
    public java.util.SortedMap<String, Double> unknowns() {
        return definition().unknowns();
    }

    @Override
    public Map<String, String> defaults() {
        return definition().defaults();
    }

    @Override
    public List<org.geopinn.api.problem.HardConstraint> hardConstraints() {
        return definition().hardConstraints();
    }

    @Override
    public Problem parametric(Map<String, double[]> ranges) {
        return definition().parametric(ranges);
    }

    @Override
    public String toString() {
        return definition().toString();
    }
}
