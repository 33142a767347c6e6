package org.geopinn.cli.export;

import java.util.List;
import org.geopinn.api.geometry.BoundarySample;
import org.geopinn.api.geometry.Geometry;

/** A ball in any dimension, enough of a geometry for the result files (inside test, bounding box). */
public final class TestBall implements Geometry {
    private final double[] centre;
    private final double radius;
    private final double[] lower;
    private final double[] upper;

    /** @param centre the centre (its length is the dimension) @param radius the radius */
    public TestBall(double[] centre, double radius) {
        this(centre, radius, java.util.Arrays.stream(centre).map(c -> c - radius).toArray(),
                java.util.Arrays.stream(centre).map(c -> c + radius).toArray());
    }

    /**
     * @param centre the centre
     * @param radius the radius
     * @param lower the box it reports as its bounding box, lower corner (may be larger than the ball's)
     * @param upper its upper corner
     */
    public TestBall(double[] centre, double radius, double[] lower, double[] upper) {
        this.centre = centre.clone();
        this.radius = radius;
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    @Override
    public int dimension() {
        return centre.length;
    }

    @Override
    public double signedDistance(double[] x) {
        double s = 0;
        for (int j = 0; j < centre.length; j++) {
            s += (x[j] - centre[j]) * (x[j] - centre[j]);
        }
        return Math.sqrt(s) - radius;
    }

    @Override
    public void normal(double[] x, double[] out) {
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public double volume() {
        return Double.NaN;
    }

    @Override
    public List<String> boundaryParts() {
        return List.of("boundary");
    }

    @Override
    public double boundaryMeasure(String part) {
        return Double.NaN;
    }

    @Override
    public double[] sampleInterior(int count, long seed) {
        return new double[0];
    }

    @Override
    public BoundarySample sampleBoundary(List<String> parts, int count, long seed) {
        return null;
    }
}
