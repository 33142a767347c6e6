/**
 * Optimizers: a factory service per optimizer id creating stateful instances from
 * settings, each working only against {@link org.geopinn.api.operator.LeastSquaresSystem}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.0.0")
package org.geopinn.api.optimizer;
