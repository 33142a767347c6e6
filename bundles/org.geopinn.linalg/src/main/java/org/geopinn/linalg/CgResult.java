package org.geopinn.linalg;

/**
 * The outcome of a conjugate-gradient solve.
 *
 * @param iterations the number of iterations performed (operator applications)
 * @param relativeResidual ‖b − A·x‖ / ‖b‖ at the end (the recurrence's residual)
 * @param converged whether relativeResidual ≤ the tolerance
 */
public record CgResult(int iterations, double relativeResidual, boolean converged) {
}
