package org.geopinn.engine;

import org.geopinn.api.model.Model;

/**
 * Where a session's training stands: the parameters, the step, the training time, the time
 * window and what it trains with. Written only by the session's worker thread (or by the
 * constructor before the worker starts); the rig and the model are volatile because other
 * threads ask which services are in use and read the model.
 */
final class TrainingPosition {
    /** The parameters, updated in place by the optimizer's steps. */
    final double[] theta;
    /** The steps taken, counted from the spec's start step. */
    long step;
    /** The training time so far; error checks and diagnostics are left out. */
    long activeNanos;
    /** The time window being trained (1 … K), 0 without time marching. */
    int window;
    /** The step the current time window started at. */
    long windowStart;
    /** What the session trains with; null while paused for a missing service. */
    volatile TrainingRig rig;
    /** The model of the last rig: kept while the rig is dropped. */
    volatile Model model;

    /**
     * @param theta the initial parameters (owned from now on)
     * @param step the start step
     * @param window the first time window, 0 without time marching
     */
    TrainingPosition(double[] theta, long step, int window) {
        this.theta = theta;
        this.step = step;
        this.window = window;
        this.windowStart = step;
    }

    /** @return the training time in seconds */
    double seconds() {
        return activeNanos * 1e-9;
    }

    /** @return the loss weights in use, empty without a rig */
    double[] weights() {
        TrainingRig r = rig;
        return r == null ? new double[0] : r.system.weights();
    }
}
