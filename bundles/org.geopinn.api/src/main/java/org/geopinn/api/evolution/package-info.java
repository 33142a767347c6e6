/**
 * Time evolution of initial-value PDEs u_t = L[u] by integrating a network's parameters
 * (Neural IVP, Finzi et al. (2023)): the problem declaration ({@link org.geopinn.api.evolution.InitialValueProblem},
 * a plugin contract), the solver service ({@link org.geopinn.api.evolution.EvolutionService}), its
 * settings, progress events and resumable state. 2.0.0: problems declare a {@link org.geopinn.api.problem.Domain}
 * instead of box corners, and the settings name the {@code sampler} service of the time steps' points.
 * 4.0.0: the settings gain {@code error-norm} (step-size control in function space, the default) and
 * {@code restart-residual} (refit on PDE-residual growth, the default; {@code restart-cg} now defaults to off).
 * 5.0.0: the settings gain {@code solver} ({@code cg}, the default, or {@code dense}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("6.1.0")
package org.geopinn.api.evolution;
