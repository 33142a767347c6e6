package org.geopinn.api.evolution;

import org.geopinn.api.solution.TrainedSolution;

/**
 * The solution at one output time.
 *
 * @param time the time
 * @param solution the fields as functions of the spatial variables at that time
 * @param relativeError the relative L2 error against the reference; NaN when there is none
 */
public record Snapshot(double time, TrainedSolution solution, double relativeError) {
}
