package org.geopinn.optimizer.adam;

/**
 * α_t for step t = 1, 2, …: constant α; exponential α·rate^(t/steps); warm-up α·min(1, t/warmup).
 *
 * @param lr α
 * @param kind constant, exponential or warmup
 * @param decayRate the exponential schedule's factor per decaySteps
 * @param decaySteps steps per factor
 * @param warmupSteps length of the linear warm-up
 */
record LearningRateSchedule(double lr, String kind, double decayRate, int decaySteps, int warmupSteps) {
    /** @param t the step number, from 1 @return α_t */
    double at(long t) {
        return switch (kind) {
            case "exponential" -> lr * Math.pow(decayRate, (double) t / decaySteps);
            case "warmup" -> lr * Math.min(1.0, (double) t / warmupSteps);
            default -> lr;
        };
    }
}
