/**
 * Tangent kernels, spectra and spectral summaries (effective cut-off number, truncated entropy),
 * and the writers that turn diagnostic reports into CSV files and PNG pictures. The diagnostic and
 * command services themselves live in a private package and are found as services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.diagnostics;
