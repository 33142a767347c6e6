/**
 * Collocation samplers: points on the interior and on each named part of a domain.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geopinn.api.sampler;
