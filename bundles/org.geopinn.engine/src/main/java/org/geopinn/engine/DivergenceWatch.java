package org.geopinn.engine;

import java.util.Locale;
import org.geopinn.api.operator.ResidualSystem;

/**
 * Watches the loss of one training session and decides when the training has failed
 * numerically, so that the last good parameters are kept instead of diverged ones.
 *
 * <p>The rules (documented in docs/CLI.md, "When a run fails"):
 * <ul>
 * <li>An accepted step <em>diverges</em> when the loss after it is larger than both
 * {@value #FACTOR} × the lowest loss of the session so far and the loss the session started
 * from. Such a step is undone and the session ends failed: an optimizer whose step multiplies
 * the best loss by a million and leaves it above where training began is not converging, and
 * trying again from the same parameters with the same optimizer state takes the same step. The
 * second condition keeps a legitimate bump after a very low loss (e.g. Adam started after
 * L-BFGS reached 1e-10) from being called divergence.</li>
 * <li>When the loss itself changed since the last accepted step — new weights (a re-balancing
 * weighting), new points (resampling) — the lowest and the starting loss are first carried over
 * to the new loss by the ratio of the new loss to the old one at the same parameters (the step's
 * loss before it over the last step's loss after it). Without that, a re-balancing that
 * multiplied the weighted loss by 10⁶ at unchanged parameters was called divergence
 * (docs/STRATEGY.md: npp1d with the conditions re-balanced by their NTK traces after the layer
 * formed).</li>
 * <li>A session that ends because its optimizer cannot take a step (rejections in a row, or an
 * optimizer that declares itself done on a rejected step) has failed when the loss or its
 * gradient at the kept parameters is not finite: no optimizer can go on from there. Finite
 * values mean the optimizer is merely stuck, which is an ordinary end.</li>
 * </ul>
 * Optimizers that reject a non-finite trial step themselves and retry with a smaller one (Adam's
 * recovery factor, line searches) are not affected: only accepted steps are checked.
 */
final class DivergenceWatch {
    /** How many times the lowest loss so far an accepted step's loss may reach. */
    static final double FACTOR = 1e6;

    private double start = Double.NaN;
    private double best = Double.POSITIVE_INFINITY;
    private long bestStep = -1;
    /** The loss after the last accepted step, on the loss as it was then. */
    private double last = Double.NaN;
    private String failure;
    private double[] gradient;

    /**
     * Checks an accepted step.
     *
     * @param step the step number the step would get (the last good step is {@code step - 1})
     * @param lossBefore the loss before it
     * @param lossAfter the loss after it
     * @return null when it is fine, else the message the session ends with; the caller undoes the step
     */
    String accepted(long step, double lossBefore, double lossAfter) {
        return accepted(step, lossBefore, lossAfter, false);
    }

    /**
     * Checks an accepted step taken on a loss that may have changed since the last one.
     *
     * @param step the step number the step would get (the last good step is {@code step - 1})
     * @param lossBefore the loss before it (the new loss at the last step's parameters)
     * @param lossAfter the loss after it
     * @param lossChanged whether weights or points changed since the last accepted step
     * @return null when it is fine, else the message the session ends with; the caller undoes the step
     */
    String accepted(long step, double lossBefore, double lossAfter, boolean lossChanged) {
        double factor = lossBefore / last;
        if (lossChanged && Double.isFinite(factor) && factor > 0) {
            best *= factor;
            start *= factor;
        }
        if (Double.isNaN(start) && Double.isFinite(lossBefore)) {
            start = lossBefore;
            best = lossBefore;
            bestStep = step - 1;
        }
        if (!Double.isFinite(lossAfter)) {
            return fail(String.format(Locale.ROOT, "diverged at step %d: the loss became %s; the parameters of step %d are kept",
                    step, Double.toString(lossAfter), step - 1));
        }
        if (lossAfter > FACTOR * best && !(lossAfter <= start)) {
            return fail(String.format(Locale.ROOT,
                    "diverged at step %d: the loss rose to %.3e, more than %.0e × the lowest loss %.3e (step %d) and above the "
                            + "starting loss %.3e; the parameters of step %d (loss %.3e) are kept",
                    step, lossAfter, FACTOR, best, bestStep, start, step - 1, lossBefore));
        }
        if (lossAfter < best) {
            best = lossAfter;
            bestStep = step;
        }
        last = lossAfter;
        return null;
    }

    /**
     * The optimizer cannot take a step from the current parameters: decides whether that is a
     * failure (non-finite loss or gradient there).
     *
     * @param system the residual system
     * @param theta the kept parameters (not changed)
     * @param step the step count reached
     * @param why why the optimizer stopped
     * @return the message the session ends with ({@code why}, plus the reason when it failed)
     */
    String stuck(ResidualSystem system, double[] theta, long step, String why) {
        if (gradient == null || gradient.length != theta.length) {
            gradient = new double[theta.length]; // once, at the end of a session
        }
        double loss;
        try {
            loss = system.lossAndGradient(theta, gradient);
        } catch (RuntimeException e) {
            return fail(why + "; the loss cannot be evaluated at step " + step + ": " + e.getMessage());
        }
        if (!Double.isFinite(loss)) {
            return fail(why + "; the loss is " + loss + " at step " + step);
        }
        for (double g : gradient) {
            if (!Double.isFinite(g)) {
                return fail(why + "; the loss gradient is not finite at step " + step + " (loss " + loss + ")");
            }
        }
        return why;
    }

    /** @return whether the session has failed by these rules */
    boolean failed() {
        return failure != null;
    }

    private String fail(String message) {
        failure = message;
        return message;
    }
}
