package org.geopinn.engine;

import java.util.List;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.SessionSpec;

/**
 * A session's time windows ({@link TimeMarching}): when the next window is due and what moving
 * into it does to the points. Without marching (the usual case) there is one window, numbered 0,
 * and every method does nothing.
 */
final class TimeWindows {
    /** Null when the session does not march in time. */
    private final TimeMarching marching;
    private final SessionSpec spec;
    private final ServiceDirectory directory;
    private final List<String> conditionNames;

    /**
     * @param problem the problem
     * @param spec the session's spec (its number of windows, steps and time budget)
     * @param directory where the samplers are
     * @param conditionNames the problem's conditions, in order
     */
    TimeWindows(Problem problem, SessionSpec spec, ServiceDirectory directory, List<String> conditionNames) {
        this.marching = TimeMarching.of(problem, spec.timeWindows());
        this.spec = spec;
        this.directory = directory;
        this.conditionNames = conditionNames;
    }

    /** @return the first window: 1, or 0 without marching */
    int first() {
        return marching == null ? 0 : 1;
    }

    /** @param window k @return e.g. {@code "; time window 1/4: t ∈ [0, 0.25]"}, empty without marching */
    String describeAfterSemicolon(int window) {
        return marching != null ? "; " + marching.describe(window) : "";
    }

    /** @param window k @return e.g. {@code time window 2/4: t ∈ [0, 0.5]} (with marching only) */
    String describe(int window) {
        return marching.describe(window);
    }

    /** @param r a freshly built rig: its marched conditions' points move into window k @param window k */
    void squeeze(TrainingRig r, int window) {
        if (marching != null) {
            marching.squeeze(window, r.system, conditionNames);
        }
    }

    /** @param window k @param g a condition @param points its fresh points, moved into window k when it is marched */
    void squeeze(int window, int g, double[] points) {
        if (marching != null) {
            marching.squeeze(window, g, points);
        }
    }

    /** @param at where training stands @return whether a later window remains */
    boolean more(TrainingPosition at) {
        return marching != null && at.window < marching.windows();
    }

    /** @param at where training stands @return whether the current window has used its steps or time */
    boolean due(TrainingPosition at) {
        return more(at) && (at.step >= marching.stepEnd(at.window, spec.startStep(), spec.maxSteps())
                || at.seconds() >= marching.timeEnd(at.window, spec.timeBudgetSeconds()));
    }

    /** @param at where training stands: moves into the next window, its marched conditions get fresh points over it */
    void widen(TrainingPosition at) {
        at.window++;
        at.windowStart = at.step;
        long round = Resampling.round(spec, at.step);
        TrainingRig rig = at.rig;
        for (int g = 0; g < conditionNames.size(); g++) {
            if (marching.marched(g)) {
                double[] fresh = CollocationPoints.sample(rig.problem, spec, directory, g, round, 1);
                marching.squeeze(at.window, g, fresh);
                rig.system.setPoints(conditionNames.get(g), fresh);
            }
        }
    }
}
