package org.geopinn.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geopinn.api.session.SessionSpec;

/**
 * When a session's collocation points are renewed (every {@code resampleEvery} steps, not at the
 * start step of a resumed run, not when less than a period of steps or time is left, and for
 * learned or chosen points only within their rounds) and with which {@link Resampling}: every condition gets
 * candidates of its own sampler with the round's seeds, squeezed into the current time window. On
 * a linear problem trained by {@code lm} alone a condition is renewed only where its fit does not
 * hold between its points ({@link HeldOutFit}); otherwise at every round: a nonlinear problem's
 * layers and fronts move while it trains and the residual-adaptive renewal follows them
 * (allen-cahn, renewed only where the fit did not hold, stopped at a relative error of 0.84 where
 * it reaches 5e-5 renewed every round), and a quasi-Newton run was measured renewed every round.
 */
final class ResamplingSchedule {
    private final SessionSpec spec;
    private final ServiceDirectory directory;
    private final TimeWindows windows;
    private final List<String> conditionNames;
    private final Resampling resampling;
    /** Null when every round renews every condition. */
    private final HeldOutFit heldOut;

    /**
     * @param spec the session's spec
     * @param directory where the samplers are
     * @param windows the time windows the points are squeezed into
     * @param conditionNames the problem's conditions, in order
     * @param resampling how the points are renewed
     * @param heldOut the check that keeps a condition's points where its fit holds between them;
     *        null to renew every condition at every round
     */
    ResamplingSchedule(SessionSpec spec, ServiceDirectory directory, TimeWindows windows, List<String> conditionNames,
            Resampling resampling, HeldOutFit heldOut) {
        this.spec = spec;
        this.directory = directory;
        this.windows = windows;
        this.conditionNames = conditionNames;
        this.resampling = resampling;
        this.heldOut = heldOut;
    }

    /** @return whether the points are renewed at all (a resampling period is set) */
    boolean renews() {
        return spec.resampleEvery() > 0;
    }

    /**
     * Renews the points of the rig if this step is a resampling step.
     *
     * @param at where training stands
     * @return what the round did, for the session's {@code POINTS} event ("step 250: renewed the
     *         collocation points of pde 43×; kept those of boundary 0.88×", the ratios where the
     *         renewal was checked); null when no point moved
     */
    String renewIfDue(TrainingPosition at) {
        long step = at.step;
        int every = spec.resampleEvery();
        if (every <= 0 || step == 0 || step % every != 0 || step == spec.startStep() && spec.startStep() > 0
                || !periodLeft(spec, at.step, at.seconds())) {
            return null;
        }
        long round = Resampling.round(spec, step);
        if (spec.collocation() != null && !spec.collocation().renewsAt(round)) {
            return null; // learned or chosen points past their last round: kept, so the optimizer finishes fitting them
        }
        TrainingRig rig = at.rig;
        int d = rig.problem.domain().dimension();
        // the budget's end, shared by every condition's renewal of this round
        double left = spec.timeBudgetSeconds() > 0 ? Math.max(0, spec.timeBudgetSeconds() - at.seconds()) : Double.POSITIVE_INFINITY;
        long roundStart = System.nanoTime();
        List<String> renewed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int g = 0; g < conditionNames.size(); g++) {
            String name = conditionNames.get(g);
            double[] fresh = CollocationPoints.sample(rig.problem, spec, directory, g, round, resampling.candidatesPerPoint());
            windows.squeeze(at.window, g, fresh);
            double ratio = heldOut == null ? Double.NaN : heldOut.ratio(rig, at.theta, name, fresh, d);
            String label = heldOut == null ? name : name + " " + times(ratio);
            if (heldOut != null && !HeldOutFit.overfitted(ratio)) {
                kept.add(label);
                continue; // the fit holds between the points: keep the fitted set
            }
            resampling.renew(rig.system, at.theta, name, fresh, d, CollocationPoints.seed(spec.seed(), g, -round),
                    Math.max(0, left - (System.nanoTime() - roundStart) * 1e-9));
            renewed.add(label);
        }
        return describe(step, renewed, kept);
    }

    /**
     * @param step the step the round ran before
     * @param renewed the renewed conditions (with their held-out over fitted residual where checked)
     * @param kept the conditions whose points were kept (likewise)
     * @return the round's note, null when nothing was renewed
     */
    private String describe(long step, List<String> renewed, List<String> kept) {
        if (renewed.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("step ").append(step).append(": renewed the collocation points of ").append(String.join(", ", renewed));
        if (heldOut != null) {
            b.append(" (mean squared residual between the points over the one at them; above ").append(times(HeldOutFit.OVERFIT_RATIO))
                    .append(" they are renewed)");
        }
        if (!kept.isEmpty()) {
            b.append("; kept those of ").append(String.join(", ", kept));
        }
        return b.toString();
    }

    private static String times(double ratio) {
        return Double.isInfinite(ratio) ? "∞×" : String.format(Locale.ROOT, "%.2g×", ratio);
    }

    /**
     * Fresh points need a period of steps to be fitted: after a renewal the error first rises, then
     * falls below its earlier level. A session that would end within the period keeps the points it
     * has fitted, rather than ending on points it has not.
     *
     * @param spec the session's spec (its period, steps and time budget)
     * @param step the step about to be taken
     * @param seconds the training time so far
     * @return whether the steps and the time budget (at the mean step time so far) hold another period
     */
    static boolean periodLeft(SessionSpec spec, long step, double seconds) {
        int every = spec.resampleEvery();
        if (step + every > spec.maxSteps()) {
            return false;
        }
        long taken = step - spec.startStep();
        double budget = spec.timeBudgetSeconds();
        return budget <= 0 || taken <= 0 || seconds + every * (seconds / taken) <= budget;
    }
}
