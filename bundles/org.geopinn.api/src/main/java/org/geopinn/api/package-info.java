/**
 * Things every Geopinn contract shares: the user-facing error type and the service property names.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geopinn.api;
