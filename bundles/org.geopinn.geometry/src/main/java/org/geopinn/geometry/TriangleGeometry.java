package org.geopinn.geometry;

/**
 * The geometry of one triangle of a surface, stored as 9 numbers (corners a, b, c) at an offset of
 * an array: its nearest point to a point, its area vector and the signed volume it spans with the
 * origin. One place for the formulas the mesh, its hierarchy and its winding number share.
 */
final class TriangleGeometry {
    private TriangleGeometry() {
    }

    /**
     * The nearest point of a triangle by the Voronoi regions of its corners and edges (C. Ericson,
     * "Real-Time Collision Detection", 2005, §5.1.5), without allocating.
     *
     * @param v triangle corners, 9 numbers per triangle
     * @param o the triangle's offset (9t)
     * @param x the point
     * @param nearest receives the triangle's point nearest x
     * @return the squared distance from x to it
     */
    static double distanceSquared(double[] v, int o, double[] x, double[] nearest) {
        double ax = v[o];
        double ay = v[o + 1];
        double az = v[o + 2];
        double abx = v[o + 3] - ax;
        double aby = v[o + 4] - ay;
        double abz = v[o + 5] - az;
        double acx = v[o + 6] - ax;
        double acy = v[o + 7] - ay;
        double acz = v[o + 8] - az;
        double apx = x[0] - ax;
        double apy = x[1] - ay;
        double apz = x[2] - az;
        double d1 = abx * apx + aby * apy + abz * apz;
        double d2 = acx * apx + acy * apy + acz * apz;
        double s;
        double r;
        if (d1 <= 0 && d2 <= 0) {
            s = 0;
            r = 0;
        } else {
            double bpx = apx - abx;
            double bpy = apy - aby;
            double bpz = apz - abz;
            double d3 = abx * bpx + aby * bpy + abz * bpz;
            double d4 = acx * bpx + acy * bpy + acz * bpz;
            double cpx = apx - acx;
            double cpy = apy - acy;
            double cpz = apz - acz;
            double d5 = abx * cpx + aby * cpy + abz * cpz;
            double d6 = acx * cpx + acy * cpy + acz * cpz;
            double vc = d1 * d4 - d3 * d2;
            double vb = d5 * d2 - d1 * d6;
            double va = d3 * d6 - d5 * d4;
            if (d3 >= 0 && d4 <= d3) {
                s = 1;
                r = 0;
            } else if (vc <= 0 && d1 >= 0 && d3 <= 0) {
                s = d1 / (d1 - d3);
                r = 0;
            } else if (d6 >= 0 && d5 <= d6) {
                s = 0;
                r = 1;
            } else if (vb <= 0 && d2 >= 0 && d6 <= 0) {
                s = 0;
                r = d2 / (d2 - d6);
            } else if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
                double w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
                s = 1 - w;
                r = w;
            } else {
                double denom = 1 / (va + vb + vc);
                s = vb * denom;
                r = vc * denom;
            }
        }
        nearest[0] = ax + s * abx + r * acx;
        nearest[1] = ay + s * aby + r * acy;
        nearest[2] = az + s * abz + r * acz;
        double ex = x[0] - nearest[0];
        double ey = x[1] - nearest[1];
        double ez = x[2] - nearest[2];
        return ex * ex + ey * ey + ez * ez;
    }

    /**
     * @param v triangle corners
     * @param o the triangle's offset (9t)
     * @param out receives ½ (b − a) × (c − a): the area times the unit normal of the winding
     * @return the area
     */
    static double areaVector(double[] v, int o, double[] out) {
        double ux = v[o + 3] - v[o];
        double uy = v[o + 4] - v[o + 1];
        double uz = v[o + 5] - v[o + 2];
        double wx = v[o + 6] - v[o];
        double wy = v[o + 7] - v[o + 1];
        double wz = v[o + 8] - v[o + 2];
        out[0] = 0.5 * (uy * wz - uz * wy);
        out[1] = 0.5 * (uz * wx - ux * wz);
        out[2] = 0.5 * (ux * wy - uy * wx);
        return Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]);
    }

    /**
     * @param v triangle corners
     * @param o the triangle's offset (9t)
     * @return the signed volume of the tetrahedron (0, a, b, c): summed over a closed surface, the enclosed volume
     */
    static double signedVolume(double[] v, int o) {
        return (v[o] * (v[o + 4] * v[o + 8] - v[o + 5] * v[o + 7]) - v[o + 1] * (v[o + 3] * v[o + 8] - v[o + 5] * v[o + 6])
                + v[o + 2] * (v[o + 3] * v[o + 7] - v[o + 4] * v[o + 6])) / 6;
    }
}
