/**
 * Diagnostics: kernels, spectra and other measurements of a residual system.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geopinn.api.diagnostic;
