/**
 * Shapes: implementations of {@link org.geopinn.api.geometry.Geometry} built from primitives
 * ({@link org.geopinn.geometry.Shapes}), combined with {@link org.geopinn.geometry.Shape#union},
 * {@link org.geopinn.geometry.Shape#minus} and {@link org.geopinn.geometry.Shape#intersect},
 * moved with {@link org.geopinn.geometry.Shape#translate}, {@link org.geopinn.geometry.Shape#rotate}
 * and {@link org.geopinn.geometry.Shape#scale}, their boundary parts named with
 * {@link org.geopinn.geometry.Shape#named} and {@link org.geopinn.geometry.Shape#rename}, and
 * extended over time with {@link org.geopinn.geometry.Shape#overTime}; and domains known only by
 * points ({@link org.geopinn.geometry.PointCloud}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geopinn.geometry;
