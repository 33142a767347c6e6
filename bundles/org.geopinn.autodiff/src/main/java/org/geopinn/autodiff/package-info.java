/**
 * Taylor-mode automatic differentiation for dense networks: jets of input derivatives
 * (multi-indices up to order 4 and beyond, mixed partials included) propagated through affine
 * layers and elementwise activations, batched over points so that each layer is one matrix
 * product; reverse mode in the parameters (gradients and per-point Jacobian rows) and forward
 * tangents in the parameters. Plain Java: usable without an OSGi framework.
 *
 * <p>Layout convention used throughout: a jet buffer of a layer with width w holds, for jet
 * component c and point i, the row {@code (c*n + i)} of a row-major (C·n)×w matrix.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.autodiff;
