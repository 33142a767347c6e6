/**
 * The benchmark initial-value problems of Neural IVP (Finzi et al., 2023), each with an exact or reference
 * solution and a narrow Gaussian initial condition: heat, advection and wave in 2-D, advection in
 * 5-D. Private: they reach users as {@link org.geopinn.api.evolution.InitialValueProblem} services.
 */
package org.geopinn.evolution.problems;
