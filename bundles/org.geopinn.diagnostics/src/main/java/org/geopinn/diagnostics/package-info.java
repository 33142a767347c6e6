/**
 * Tangent kernels, spectra and spectral summaries (effective cut-off number, truncated entropy),
 * and the writers that turn diagnostic reports into CSV files and PNG pictures. The diagnostic and
 * listener services themselves live in a private package and are found as services; the command
 * {@code diagnose} and its reproductions are in the bundle {@code org.geopinn.reproductions}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.diagnostics;
