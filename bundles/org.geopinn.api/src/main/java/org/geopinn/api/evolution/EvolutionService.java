package org.geopinn.api.evolution;

import java.nio.file.Path;

/**
 * Solves initial-value problems by Neural IVP (Finzi et al., 2023): fit a network to the initial data, then
 * integrate its parameters θ by M(θ)θ̇ = F(θ), M = JᵀJ/N, F = Jᵀ L[u_θ]/N on fresh collocation
 * samples, solving each linear system matrix-free by Nyström-preconditioned CG inside an adaptive
 * Runge–Kutta method, and refitting a fresh network when the systems become ill-conditioned.
 */
@org.osgi.annotation.versioning.ProviderType
public interface EvolutionService {
    /**
     * Runs a problem from its initial data, or from a saved state, up to the end time.
     *
     * @param problem the problem
     * @param settings the settings (problem defaults are not applied here; see {@link InitialValueProblem#defaults()})
     * @param start the state to resume from, or null to start at t = 0
     * @param listener receives progress events
     * @return the snapshots, the final state and the events
     * @throws org.geopinn.api.GeopinnException when the model cannot be built, the state does not fit the
     *         problem or model, or the run fails numerically (with the time reached)
     */
    EvolutionResult evolve(InitialValueProblem problem, EvolutionSettings settings, EvolutionState start,
            EvolutionListener listener);

    /**
     * Writes a state so that a run can be resumed.
     *
     * @param state the state
     * @param file the file, replaced atomically
     * @throws org.geopinn.api.GeopinnException if it cannot be written
     */
    void save(EvolutionState state, Path file);

    /**
     * @param file a file written by {@link #save}
     * @return the state
     * @throws org.geopinn.api.GeopinnException if it is missing or malformed
     */
    EvolutionState load(Path file);
}
