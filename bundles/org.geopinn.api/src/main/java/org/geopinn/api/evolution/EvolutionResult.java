package org.geopinn.api.evolution;

import java.util.List;

/**
 * The outcome of a Neural IVP run.
 *
 * @param snapshots the solution at the output times reached, in time order
 * @param finalState the state at the end (resume from it to go further)
 * @param events every event of the run, in order
 * @param parameterCount the number of network parameters P
 */
public record EvolutionResult(List<Snapshot> snapshots, EvolutionState finalState, List<EvolutionEvent> events,
        int parameterCount) {
    /** Copies the lists. */
    public EvolutionResult {
        snapshots = List.copyOf(snapshots);
        events = List.copyOf(events);
    }
}
