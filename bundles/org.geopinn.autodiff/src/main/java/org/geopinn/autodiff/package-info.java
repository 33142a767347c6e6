/**
 * Taylor-mode automatic differentiation for dense networks: jets of input derivatives
 * (multi-indices up to order 4 and beyond, mixed partials included) propagated through affine
 * layers and elementwise activations, batched over points so that each layer is one matrix
 * product; reverse mode in the parameters (gradients and per-point Jacobian rows) and forward
 * tangents in the parameters. Plain Java: usable without an OSGi framework.
 *
 * <p>Layout convention used throughout: the jets of a layer are {@code double[C][width][n]}, one
 * array per jet component and unit over the points, so every loop runs along the points over
 * distinct arrays (the shape the HotSpot compiler vectorises). {@link org.geopinn.autodiff.JetStructure}
 * fixes the components (the request's derivatives first, then their closure), and
 * {@link org.geopinn.autodiff.JetNetworkEvaluator} runs the passes. Start with
 * {@link org.geopinn.autodiff.JetNetwork}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geopinn.autodiff;
