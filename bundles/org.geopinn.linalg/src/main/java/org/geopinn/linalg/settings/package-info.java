/**
 * Reading the settings of an optimizer or weighting policy: configured defaults plus per-instance
 * overrides, each checked by name and range with a one-line error.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.linalg.settings;
