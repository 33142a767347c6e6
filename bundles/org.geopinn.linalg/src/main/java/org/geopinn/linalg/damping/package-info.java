/**
 * Adaptive damping shared by the damped Gauss–Newton and natural-gradient optimizers: the gain
 * ratio rule of Nielsen (1999) that adapts the Levenberg–Marquardt parameter λ.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.geopinn.linalg.damping;
