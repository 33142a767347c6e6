package org.geopinn.api.problem;

import java.util.Objects;
import org.geopinn.api.model.SmoothFunction;

/**
 * A Dirichlet condition built into the model instead of the loss: the field is
 * u = g + φ · N, where N is the network's output, g extends the boundary data into the domain and φ
 * vanishes on the constrained boundary and is positive inside, so u = g there whatever the network
 * (N. Sukumar and A. Srivastava, "Exact imposition of boundary conditions with distance functions in
 * physics-informed deep neural networks", 2022; I. E. Lagaris, A. Likas and D. I. Fotiadis,
 * "Artificial neural networks for solving ordinary and partial differential equations", 1998). The
 * condition it replaces is no longer a loss term. The models bundle applies it
 * ({@code org.geopinn.models.HardConstraintModel}).
 *
 * @param condition the name of the condition it replaces
 * @param field the index of the constrained field
 * @param fieldName its name
 * @param data g, the boundary data extended into the domain
 * @param distance φ, zero on the constrained boundary and positive inside
 */
public record HardConstraint(String condition, int field, String fieldName, SmoothFunction data, SmoothFunction distance) {
    /** Checks the pieces. */
    public HardConstraint {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(distance, "distance");
        if (field < 0) {
            throw new IllegalArgumentException("field index " + field);
        }
    }
}
