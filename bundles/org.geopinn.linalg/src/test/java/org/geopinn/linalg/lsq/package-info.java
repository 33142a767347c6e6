/**
 * Small explicit nonlinear least-squares problems as {@link org.geopinn.api.operator.ResidualSystem}s
 * (residual and Jacobian given as functions), for testing optimizers without a network. Test code:
 * shipped in the test-jar ({@code org.geopinn.linalg:tests}), not in the bundle.
 */
package org.geopinn.linalg.lsq;
