/**
 * Small explicit nonlinear least-squares problems as {@link org.geopinn.api.operator.ResidualSystem}s
 * (residual and Jacobian given as functions): for fitting data and for testing optimizers
 * without a network.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.linalg.lsq;
