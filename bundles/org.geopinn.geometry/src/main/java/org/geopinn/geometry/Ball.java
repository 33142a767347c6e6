package org.geopinn.geometry;

import org.geopinn.api.model.TaylorJet;
import java.util.List;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;

/**
 * A ball |x − c| ≤ r in two or more dimensions (a disk in 2-D), with the exact signed distance
 * |x − c| − r. Its boundary is one part, {@code boundary}.
 */
final class Ball extends Shape {
    private static final List<String> PARTS = List.of("boundary");
    private final double[] centre;
    private final double radius;

    Ball(double[] centre, double radius) {
        if (centre.length < 2) {
            throw new GeopinnException("a ball needs a centre of at least 2 coordinates (use an interval in 1-D), got "
                    + centre.length);
        }
        checkFinite("ball centre", centre);
        this.centre = centre.clone();
        this.radius = checkedPositive("ball radius", radius);
    }

    @Override
    public int dimension() {
        return centre.length;
    }

    private double distanceToCentre(double[] x) {
        double s = 0;
        for (int j = 0; j < centre.length; j++) {
            double y = x[j] - centre[j];
            s += y * y;
        }
        return Math.sqrt(s);
    }

    @Override
    public double signedDistance(double[] x) {
        return distanceToCentre(x) - radius;
    }

    @Override
    public void normal(double[] x, double[] out) {
        double r = distanceToCentre(x);
        for (int j = 0; j < centre.length; j++) {
            out[j] = r > 0 ? (x[j] - centre[j]) / r : (j == 0 ? 1 : 0);
        }
    }

    @Override
    public double[] lower() {
        double[] b = centre.clone();
        for (int j = 0; j < b.length; j++) {
            b[j] -= radius;
        }
        return b;
    }

    @Override
    public double[] upper() {
        double[] b = centre.clone();
        for (int j = 0; j < b.length; j++) {
            b[j] += radius;
        }
        return b;
    }

    /** @return the area of the unit sphere in R^d, 2π^{d/2} / Γ(d/2) */
    private double unitSphere() {
        int d = centre.length;
        // Γ(d/2) for integer d: Γ(1) = 1, Γ(1/2) = √π, Γ(k+1) = kΓ(k).
        double gamma = d % 2 == 0 ? 1 : Math.sqrt(Math.PI);
        for (double k = d % 2 == 0 ? 1 : 0.5; k < d / 2.0; k++) {
            gamma *= k;
        }
        return 2 * Math.pow(Math.PI, d / 2.0) / gamma;
    }

    @Override
    public double volume() {
        return unitSphere() * Math.pow(radius, centre.length) / centre.length;
    }

    @Override
    public List<String> boundaryParts() {
        return PARTS;
    }

    @Override
    boolean measuresExactly() {
        return true;
    }

    @Override
    double candidateMeasure(String part) {
        return unitSphere() * Math.pow(radius, centre.length - 1);
    }

    @Override
    boolean draw(String part, SplittableRandom random, double[] point, double[] normal) {
        int d = centre.length;
        if (d == 2) {
            double a = 2 * Math.PI * random.nextDouble();
            normal[0] = Math.cos(a);
            normal[1] = Math.sin(a);
        } else {
            double s = 0;
            while (s == 0) {
                for (int j = 0; j < d; j++) {
                    normal[j] = random.nextGaussian(); // isotropic: a uniform direction once normalised
                    s += normal[j] * normal[j];
                }
            }
            s = Math.sqrt(s);
            for (int j = 0; j < d; j++) {
                normal[j] /= s;
            }
        }
        for (int j = 0; j < d; j++) {
            point[j] = centre[j] + radius * normal[j];
        }
        return true;
    }

    @Override
    public String toString() {
        return "ball(" + java.util.Arrays.toString(centre) + ", " + radius + ")";
    }

    /** (r² − |x − c|²)/(2r): the distance to first order at the sphere, negative outside. */
    @Override
    TaylorJet adf(TaylorJet[] x, java.util.Set<String> selected, boolean signed) {
        TaylorJet sum = TaylorJet.constant(x.length, x[0].order(), radius * radius);
        for (int j = 0; j < x.length; j++) {
            TaylorJet dx = x[j].plus(-centre[j]);
            sum = sum.minus(dx.times(dx));
        }
        return sum.times(0.5 / radius);
    }
}
