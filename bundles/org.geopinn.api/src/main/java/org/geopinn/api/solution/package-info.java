/**
 * Trained solutions published for other software: evaluate each field and its derivatives.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.api.solution;
