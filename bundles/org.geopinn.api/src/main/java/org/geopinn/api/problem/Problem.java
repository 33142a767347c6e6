package org.geopinn.api.problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.Identified;
import org.geopinn.api.expr.Symbols;

/**
 * A PDE problem, provided as a service (with the {@code geopinn.id} property equal to {@link #id()}).
 * It declares its variables and fields (through {@link #vocabulary()}), a box domain with named
 * parts, the conditions that make up the loss, and optionally a reference solution.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Problem extends Identified {
    /** @return the short id used by the CLI and scripts, e.g. {@code laplace2d} */
    String id();

    /** @return a one-line description, e.g. "2-D Laplace, Δu = −2π² sin πx sin πy on [0,1]²" */
    String description();

    /** @return the variables and fields the operators use */
    Symbols vocabulary();

    /** @return the domain and its named parts */
    Domain domain();

    /** @return the conditions, in the order their residuals are stacked */
    List<Condition> conditions();

    /** @return the reference solution, when one is known */
    default Optional<ReferenceSolution> reference() {
        return Optional.empty();
    }

    /**
     * The named scalar coefficients of the operators (for example the diffusivity of a heat
     * equation), name → value. Each appears in the operators as an {@link org.geopinn.api.expr.Expr.Coefficient}
     * of that name whose function is the constant value. A session can train any of them with the
     * network ({@link org.geopinn.api.session.SessionSpec#unknowns()}).
     *
     * @return the coefficients, sorted by name (may be empty)
     */
    default java.util.SortedMap<String, Double> coefficients() {
        return java.util.Collections.emptySortedMap();
    }

    /**
     * The coefficients trained with the network (inverse problems), name → initial value: a subset
     * of {@link #coefficients()}. The parameter vector θ of a session is then the model's parameters
     * followed by one entry per unknown, in the order of these names (see {@link CoefficientModel}).
     *
     * @return the unknowns, sorted by name (may be empty)
     */
    default java.util.SortedMap<String, Double> unknowns() {
        return java.util.Collections.emptySortedMap();
    }

    /**
     * Good defaults for solving this problem; keys are listed in {@link ProblemDefaults}.
     *
     * @return the problem's defaults (may be empty)
     */
    default Map<String, String> defaults() {
        return Map.of();
    }

    /**
     * The Dirichlet conditions built into the model rather than the loss (u = g + φ·N,
     * {@link HardConstraint}); the conditions they replace are not in {@link #conditions()}. A
     * session wraps its network in a model that applies them (the models bundle's
     * {@code HardConstraintModel}).
     *
     * @return the hard constraints, at most one per field (may be empty)
     */
    default List<HardConstraint> hardConstraints() {
        return List.of();
    }

    /**
     * This problem with some of its {@link #coefficients() coefficients} made parametric: each becomes
     * one more input of the network over its range, after the variables, so that one trained network
     * answers for all its values (docs/GEOMETRY.md, parametric problems; {@code --parametric k=1,4}).
     * Only a problem that knows how its operators, sources and reference depend on the coefficient can
     * do it: a declared problem and one built by {@code ProblemBuilder} re-read their text with the
     * coefficient as an input. The default refuses.
     *
     * @param ranges {lo, hi} by coefficient name, in the order the inputs are appended
     * @return the parametric problem, with the same id
     * @throws org.geopinn.api.GeopinnException one line naming the problem and why it cannot
     */
    default Problem parametric(Map<String, double[]> ranges) {
        throw new org.geopinn.api.GeopinnException("problem '" + id() + "' cannot make its coefficients parametric: only a"
                + " declared problem (.cfg) or one built by ProblemBuilder.problem(...).build() can; declare them with ProblemBuilder.parameter");
    }
}
