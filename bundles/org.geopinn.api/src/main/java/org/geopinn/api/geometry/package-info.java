/**
 * Geometry of problem domains beyond boxes: a {@link org.geopinn.api.geometry.Geometry} knows its
 * dimension, tells inside from outside, gives a signed distance, a bounding box, uniform interior
 * samples and uniform boundary samples with outward unit normals on named boundary parts, all
 * reproducible from a seed. The bundle {@code org.geopinn.geometry} provides primitives, boolean
 * combinations, transformations and time × space products.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geopinn.api.geometry;
