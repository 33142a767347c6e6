package org.geopinn.api.optimizer;

/**
 * The outcome of one optimizer step.
 *
 * @param lossBefore L(θ) before the step
 * @param lossAfter L(θ) after the step (equal to lossBefore when rejected)
 * @param accepted whether θ was changed
 * @param stepLength the step size or line-search factor used (NaN if not meaningful)
 * @param evaluations number of loss or residual evaluations spent
 * @param converged whether the optimizer considers itself converged (by its own documented tolerances);
 *        a rejected step may say so too, when the optimizer knows that trying again from the same
 *        parameters cannot lower the loss (e.g. a fixed cut-off at its fixed point)
 * @param detail a short human note (e.g. "rank 312 of 1020, η = 2⁻³"), empty if nothing to say
 */
public record StepResult(double lossBefore, double lossAfter, boolean accepted, double stepLength,
        int evaluations, boolean converged, String detail) {

    /**
     * @param lossBefore the loss before
     * @param lossAfter the loss after
     * @param stepLength the step size
     * @param evaluations evaluations spent
     * @param detail a short note
     * @return an accepted, not converged step
     */
    public static StepResult accepted(double lossBefore, double lossAfter, double stepLength, int evaluations, String detail) {
        return new StepResult(lossBefore, lossAfter, true, stepLength, evaluations, false, detail);
    }

    /**
     * @param loss the unchanged loss
     * @param evaluations evaluations spent
     * @param reason why the step was rejected
     * @return a rejected step
     */
    public static StepResult rejected(double loss, int evaluations, String reason) {
        return new StepResult(loss, loss, false, Double.NaN, evaluations, false, reason);
    }

    /**
     * @param loss the unchanged loss
     * @param evaluations evaluations spent
     * @param reason why no step lowers the loss
     * @return a rejected step after which the optimizer is done: another try from the same
     *         parameters would give the same result
     */
    public static StepResult exhausted(double loss, int evaluations, String reason) {
        return new StepResult(loss, loss, false, Double.NaN, evaluations, true, reason);
    }
}
