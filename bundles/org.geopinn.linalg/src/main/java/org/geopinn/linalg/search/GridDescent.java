package org.geopinn.linalg.search;

import org.geopinn.api.operator.LeastSquaresSystem;
import org.geopinn.linalg.Vectors;

/**
 * One descent step θ ← θ − η·d with η chosen by a {@link GridLineSearch} on the loss of a
 * {@link LeastSquaresSystem}: used by gradient descent, ANaGRAM and ENGD. Only the loss is evaluated
 * along the line (no Jacobians). The trial vector is kept between calls.
 */
public final class GridDescent {
    private final GridLineSearch search;
    private double[] trial = new double[0];

    /** @param search the grid */
    public GridDescent(GridLineSearch search) {
        this.search = search;
    }

    /**
     * Searches the line and moves θ to the best point if its loss is below loss0.
     *
     * @param system the problem
     * @param theta the parameters, moved on success (modified)
     * @param direction d (not modified)
     * @param scale the largest step, η = scale·2⁻ᵏ
     * @param loss0 L(θ)
     * @return the search result (value() &lt; loss0 means θ moved; eta() is the factor of scale)
     */
    public GridSearchResult descend(LeastSquaresSystem system, double[] theta, double[] direction, double scale, double loss0) {
        if (trial.length != theta.length) {
            trial = new double[theta.length];
        }
        GridSearchResult result = search.search(eta -> {
            Vectors.linearCombination(theta, -scale * eta, direction, trial);
            return system.loss(trial);
        }, loss0);
        if (result.found() && result.value() < loss0) {
            Vectors.linearCombination(theta, -scale * result.eta(), direction, trial);
            if (Vectors.allFinite(trial)) {
                System.arraycopy(trial, 0, theta, 0, theta.length);
            } else {
                return new GridSearchResult(Double.NaN, -1, Double.POSITIVE_INFINITY, result.evaluations());
            }
        }
        return result;
    }
}
