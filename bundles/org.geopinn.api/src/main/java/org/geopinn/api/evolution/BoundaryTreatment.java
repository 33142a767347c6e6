package org.geopinn.api.evolution;

/** How an initial-value problem's spatial boundary is handled by the evolving network. */
public enum BoundaryTreatment {
    /**
     * Zero Dirichlet data on every face of the box, enforced exactly by multiplying the network's
     * output by Π(1 − x̂_j²) (x̂ the coordinates mapped to [-1, 1]); the model option
     * {@code output-factor=box-zero}.
     */
    HARD_ZERO,
    /**
     * No boundary condition: the solution is negligible near the faces over the time interval
     * (e.g. a Gaussian pulse advected in free space) and the plain network is evolved.
     */
    NONE
}
