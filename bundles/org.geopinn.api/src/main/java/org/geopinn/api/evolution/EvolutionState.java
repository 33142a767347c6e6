package org.geopinn.api.evolution;

/**
 * Where a run stands: enough to resume it. The model is rebuilt from the problem and the
 * settings, so only time, parameters and counters are kept.
 *
 * @param problemId the problem being evolved
 * @param time the time reached
 * @param parameters the network parameters θ at that time
 * @param stepSize the step size to try next
 * @param steps steps attempted so far
 * @param restarts restarts so far
 */
public record EvolutionState(String problemId, double time, double[] parameters, double stepSize, int steps,
        int restarts) {
    /** Copies the parameters. */
    public EvolutionState {
        parameters = parameters.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }
}
