/**
 * Collocation samplers usable without a framework ({@link org.geopinn.samplers.Samplers}) and
 * residual-adaptive resampling ({@link org.geopinn.samplers.ResidualAdaptiveResampler}). The sampler
 * implementations themselves are private; in a framework they are
 * {@link org.geopinn.api.sampler.Sampler} services with ids grid, uniform, sobol, halton and lhs.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geopinn.samplers;
