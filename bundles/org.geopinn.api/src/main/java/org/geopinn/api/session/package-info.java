/**
 * Training sessions: start, watch, pause, swap the optimizer of and stop training runs.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.10.0")
package org.geopinn.api.session;
