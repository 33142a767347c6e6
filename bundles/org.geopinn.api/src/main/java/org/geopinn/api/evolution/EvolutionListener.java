package org.geopinn.api.evolution;

/** Receives the events of a Neural IVP run, on the solver's thread. */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface EvolutionListener {
    /** @param event what happened */
    void onEvent(EvolutionEvent event);
}
