/**
 * The benchmark initial-value problems of Neural IVP (Finzi et al., 2023), each with an exact or
 * reference solution: heat, advection and wave in 2-D from a narrow Gaussian (the wave also from a
 * high-frequency modulated pulse), advection in 5-D, and the Fokker–Planck equation of an
 * Ornstein–Uhlenbeck process in 2, 5, 10 and 20 dimensions. Private: they reach users as
 * {@link org.geopinn.api.evolution.InitialValueProblem} services.
 */
package org.geopinn.evolution.problems;
