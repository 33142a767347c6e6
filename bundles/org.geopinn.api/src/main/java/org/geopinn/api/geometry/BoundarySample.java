package org.geopinn.api.geometry;

/**
 * Points on the boundary of a geometry with the outward unit normal at each.
 *
 * @param points row-major n×d coordinates
 * @param normals row-major n×d outward unit normals, row i belonging to point i
 * @param dimension d
 */
public record BoundarySample(double[] points, double[] normals, int dimension) {
    /** @return the number of points */
    public int size() {
        return points.length / dimension;
    }
}
