package org.geopinn.api.evolution;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.Symbols;
import org.geopinn.api.problem.Domain;

/**
 * An initial-value problem ∂u_f/∂t = L_f[u] (f = 1..F) on a spatial {@link Domain}, with
 * initial data and a boundary treatment. Provided as a service with the {@code geopinn.id}
 * property equal to {@link #id()}; the {@code evolve} command finds problems by that id.
 *
 * <p>Right-hand sides are ordinary operator expressions of the {@link #vocabulary()}: their
 * coordinates and derivatives refer to the spatial variables only (there is no variable
 * {@code t}). A second-order-in-time equation is declared as a first-order system, e.g. the wave
 * equation as u_t = v, v_t = c²Δu.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface InitialValueProblem {
    /** The name of the domain part where the PDE holds and the points are drawn. */
    String INTERIOR = "interior";

    /** @return the short id, e.g. {@code heat2d} */
    String id();

    /** @return a one-line description */
    String description();

    /** @return the spatial variables and the fields */
    Symbols vocabulary();

    /**
     * The spatial region, as the {@link org.geopinn.api.problem.Problem problems} of space-time
     * training declare theirs: variables in the order of the vocabulary's spatial variables and an
     * interior part named {@value #INTERIOR}, where the collocation points of every time step are
     * drawn by a {@link org.geopinn.api.sampler.Sampler Sampler} service.
     *
     * @return the domain
     */
    Domain domain();

    /** @return one right-hand side L_f per field, in field order */
    List<Expr> rightHandSides();

    /**
     * The initial data u(0, x).
     *
     * @param points n points, row-major n×d (not modified)
     * @param n the number of points
     * @param out receives the values, row-major n×F in field order (modified)
     */
    void initialValue(double[] points, int n, double[] out);

    /** @return how the boundary is treated */
    BoundaryTreatment boundary();

    /** @return the exact or reference solution, when one is known */
    default Optional<TimeReference> reference() {
        return Optional.empty();
    }

    /** @return the end time used when the user gives none */
    default double defaultEndTime() {
        return 1.0;
    }

    /**
     * Good solver settings for this problem, as {@link EvolutionSettings} keys and values (e.g.
     * {@code samples=2000}); user settings override them.
     *
     * @return the defaults (may be empty)
     */
    default Map<String, String> defaults() {
        return Map.of();
    }
}
