package org.geopinn.api.optimizer;

import org.geopinn.api.operator.LeastSquaresSystem;

/**
 * A stateful optimizer instance. The session calls {@link #step} repeatedly; between two steps it
 * may replace the optimizer by another one (which may {@link #adopt} this one's state) or save
 * its state for a later resume.
 *
 * <p>Contract for failures: a step never leaves non-finite values in θ. If the loss or the step is
 * not finite, the optimizer restores θ, reports {@link StepResult#accepted()} false with a reason,
 * and adapts (smaller step, more damping) so that the next step can succeed.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Optimizer {
    /** @return the optimizer id (same as its factory's) */
    String id();

    /**
     * Performs one step.
     *
     * @param system the least-squares problem, read-only: points and weights are the session's
     * @param theta the parameters, updated in place when the step is accepted (modified)
     * @return what happened
     */
    StepResult step(LeastSquaresSystem system, double[] theta);

    /** @return a snapshot of the internal state (moments, curvature pairs, step counters …) */
    OptimizerState exportState();

    /**
     * Restores a snapshot, so that the next step is exactly the step the exporting instance would
     * have taken.
     *
     * @param state a snapshot exported by an optimizer of the same id, for the model's parameter
     *        count (the session checks the count before; {@link OptimizerState#requireSavedBy}
     *        checks the id)
     * @throws org.geopinn.api.GeopinnException if the state belongs to another optimizer
     */
    void importState(OptimizerState state);

    /**
     * Offered on a swap: take what is useful of the previous optimizer's state (e.g. Adam's moments
     * for SOAP's biases).
     *
     * @param previous the state of the optimizer being replaced (checked by the session against the
     *        model's parameter count)
     * @return true if something was taken, false to start fresh
     */
    default boolean adopt(OptimizerState previous) {
        return false;
    }
}
