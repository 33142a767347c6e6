package org.geopinn.api.evolution;

/** Receives the events of a Neural IVP run, on the solver's thread. */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface EvolutionListener {
    /** @param event what happened */
    void onEvent(EvolutionEvent event);

    /**
     * Called at each output time (after its {@link EvolutionEvent.Kind#SNAPSHOT} event) with the
     * state a run can be resumed from there, so that a caller can keep it (a run killed later
     * then resumes from its last output time instead of starting over). Does nothing by default.
     *
     * @param state the state at the output time (its own copy of the parameters)
     */
    default void onOutputState(EvolutionState state) {
    }
}
