/**
 * Diagnostics: kernels, spectra and other measurements of a residual system.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.geopinn.api.diagnostic;
