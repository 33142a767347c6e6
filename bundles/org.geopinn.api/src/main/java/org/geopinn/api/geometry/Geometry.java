package org.geopinn.api.geometry;

import java.util.List;

/**
 * A closed bounded region of R^d with a boundary split into named parts (e.g. {@code hole},
 * {@code inlet}). Implementations are immutable and thread-safe; the same arguments and seed
 * always give the same samples.
 *
 * <p>The signed distance is negative inside, zero on the boundary and positive outside. It is the
 * exact Euclidean distance for the primitives; combinations document where it is exact and where
 * it is a bound with the right sign.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Geometry {
    /** The boundary part of a time × space product where time is at its lower bound. */
    String INITIAL = "initial";
    /** The boundary part of a time × space product where time is at its upper bound. */
    String FINAL = "final";

    /** @return d, the number of coordinates of a point */
    int dimension();

    /**
     * @param x a point of dimension d (not modified)
     * @return the signed distance to the boundary: negative inside, positive outside
     */
    double signedDistance(double[] x);

    /**
     * @param x a point (not modified)
     * @return whether it lies in the closed region (signed distance ≤ 0)
     */
    default boolean contains(double[] x) {
        return signedDistance(x) <= 0;
    }

    /**
     * The outward unit normal at the boundary point nearest {@code x} (for a point on the boundary,
     * its own normal; at a corner, the normal of one of the sides meeting there).
     *
     * @param x a point (not modified)
     * @param out receives the normal, length d (modified)
     */
    void normal(double[] x, double[] out);

    /** @return the lower corner of a box containing the region (a copy) */
    double[] lower();

    /** @return the upper corner of a box containing the region (a copy) */
    double[] upper();

    /** @return the d-dimensional measure of the region (exact for primitives, estimated for some combinations) */
    double volume();

    /** @return the names of the boundary parts, in a fixed order */
    List<String> boundaryParts();

    /**
     * @param part one of {@link #boundaryParts()}
     * @return its (d−1)-dimensional measure (for d = 1, the number of points)
     * @throws org.geopinn.api.GeopinnException for an unknown part, naming the parts there are
     */
    double boundaryMeasure(String part);

    /**
     * Points distributed uniformly (by volume) in the open region.
     *
     * @param count the number of points, at least 1
     * @param seed the random seed
     * @return row-major count×d points
     */
    double[] sampleInterior(int count, long seed);

    /**
     * Points distributed uniformly by (d−1)-dimensional measure on the union of some boundary parts,
     * with their outward unit normals.
     *
     * @param parts names among {@link #boundaryParts()}; empty for the whole boundary
     * @param count the number of points, at least 1
     * @param seed the random seed
     * @return the points and normals
     * @throws org.geopinn.api.GeopinnException for an unknown part
     */
    BoundarySample sampleBoundary(List<String> parts, int count, long seed);

    /**
     * A smooth distance-like function for hard boundary conditions (u = g + φ·N): positive inside,
     * zero on the given boundary parts, evaluated on Taylor jets of the coordinates so that all its
     * derivatives are exact. It is not the signed distance (which has kinks); it is an approximate
     * distance function in the sense of N. Sukumar and A. Srivastava, "Exact imposition of boundary
     * conditions with distance functions in physics-informed deep neural networks" (2022).
     *
     * @param x the jets of the coordinates (not modified)
     * @param parts the boundary parts where it vanishes
     * @return its jet, or empty when this geometry has none
     * @throws org.geopinn.api.GeopinnException when it has none for these parts, naming why
     */
    default java.util.Optional<org.geopinn.api.model.TaylorJet> smoothDistance(org.geopinn.api.model.TaylorJet[] x,
            java.util.Set<String> parts) {
        return java.util.Optional.empty();
    }
}
