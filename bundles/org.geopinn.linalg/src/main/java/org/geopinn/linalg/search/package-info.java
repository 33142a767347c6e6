/**
 * Line searches shared by the optimizers: the 2⁻ᵏ grid search of ANaGRAM, ENGD and gradient
 * descent, and a strong-Wolfe search (bracketing and zoom with cubic interpolation) for L-BFGS.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.geopinn.linalg.search;
