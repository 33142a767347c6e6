package org.geopinn.geometry;

import org.geopinn.api.model.TaylorJet;
import java.util.List;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;

/**
 * A shape moved by a similarity y = s·Q·x + c (Q orthogonal, s &gt; 0): distances scale by s
 * exactly, normals turn with Q, boundary measures scale by s^(d−1) and the volume by s^d.
 */
final class Transformed extends Shape {
    private final Shape inner;
    private final double s;
    private final double[] q; // row-major d×d, orthogonal
    private final double[] c;

    private Transformed(Shape inner, double s, double[] q, double[] c) {
        this.inner = inner;
        this.s = s;
        this.q = q;
        this.c = c;
    }

    static Shape translation(Shape inner, double[] offset) {
        int d = inner.dimension();
        requireLength("translation", offset, d);
        checkFinite("translation", offset);
        return new Transformed(inner, 1, identity(d), offset.clone());
    }

    static Shape rotation2d(Shape inner, double angle, double[] centre) {
        if (inner.dimension() != 2) {
            throw new GeopinnException("rotate(angle, centre) turns 2-D shapes; this shape has dimension " + inner.dimension());
        }
        double[] p = centre.length == 0 ? new double[2] : centre;
        requireLength("rotation centre", p, 2);
        checkFinite("rotation", angle);
        checkFinite("rotation centre", p);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] rot = {cos, -sin, sin, cos};
        // y = Q(x − p) + p = Qx + (p − Qp)
        double[] off = {p[0] - (cos * p[0] - sin * p[1]), p[1] - (sin * p[0] + cos * p[1])};
        return new Transformed(inner, 1, rot, off);
    }

    /**
     * The rotation by {@code angle} (right-handed) about the axis through {@code centre} along
     * {@code axis}: Q = cos θ I + sin θ [k]× + (1 − cos θ) k kᵀ for the unit axis k (Rodrigues' formula).
     */
    static Shape rotation3d(Shape inner, double angle, double[] axis, double[] centre) {
        if (inner.dimension() != 3) {
            throw new GeopinnException("rotate(angle, axis, centre) turns 3-D shapes; this shape has dimension " + inner.dimension());
        }
        double[] p = centre.length == 0 ? new double[3] : centre;
        requireLength("rotation axis", axis, 3);
        requireLength("rotation centre", p, 3);
        checkFinite("rotation", angle);
        checkFinite("rotation axis", axis);
        checkFinite("rotation centre", p);
        double norm = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        if (!(norm > 0)) {
            throw new GeopinnException("the rotation axis must not be zero");
        }
        double[] k = {axis[0] / norm, axis[1] / norm, axis[2] / norm};
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] cross = {0, -k[2], k[1], k[2], 0, -k[0], -k[1], k[0], 0};
        double[] rot = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rot[3 * i + j] = (i == j ? cos : 0) + sin * cross[3 * i + j] + (1 - cos) * k[i] * k[j];
            }
        }
        double[] off = new double[3]; // y = Q(x − p) + p
        for (int i = 0; i < 3; i++) {
            off[i] = p[i] - (rot[3 * i] * p[0] + rot[3 * i + 1] * p[1] + rot[3 * i + 2] * p[2]);
        }
        return new Transformed(inner, 1, rot, off);
    }

    static Shape scaling(Shape inner, double factor, double[] centre) {
        int d = inner.dimension();
        double[] p = centre.length == 0 ? new double[d] : centre;
        requireLength("scaling centre", p, d);
        checkFinite("scaling centre", p);
        checkedPositive("scale factor", factor);
        double[] off = new double[d];
        for (int j = 0; j < d; j++) {
            off[j] = p[j] * (1 - factor);
        }
        return new Transformed(inner, factor, identity(d), off);
    }

    private static void requireLength(String what, double[] v, int d) {
        if (v.length != d) {
            throw new GeopinnException(what + " needs " + d + " coordinates, got " + v.length);
        }
    }

    private static double[] identity(int d) {
        double[] m = new double[d * d];
        for (int j = 0; j < d; j++) {
            m[j * d + j] = 1;
        }
        return m;
    }

    /** x = Qᵀ(y − c)/s */
    private double[] toInner(double[] y) {
        int d = c.length;
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = 0;
            for (int k = 0; k < d; k++) {
                sum += q[k * d + i] * (y[k] - c[k]);
            }
            x[i] = sum / s;
        }
        return x;
    }

    /** out = s·Q·x + c (or Q·x when {@code vector}) */
    private void toOuter(double[] x, double[] out, boolean vector) {
        int d = c.length;
        double[] tmp = x.clone();
        for (int i = 0; i < d; i++) {
            double sum = 0;
            for (int k = 0; k < d; k++) {
                sum += q[i * d + k] * tmp[k];
            }
            out[i] = vector ? sum : s * sum + c[i];
        }
    }

    @Override
    public int dimension() {
        return c.length;
    }

    @Override
    public double signedDistance(double[] x) {
        return s * inner.signedDistance(toInner(x));
    }

    @Override
    public void normal(double[] x, double[] out) {
        double[] n = new double[c.length];
        inner.normal(toInner(x), n);
        toOuter(n, out, true);
    }

    private double[][] corners() {
        double[] lo = inner.lower();
        double[] hi = inner.upper();
        int d = lo.length;
        double[] min = new double[d];
        double[] max = new double[d];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[] corner = new double[d];
        double[] mapped = new double[d];
        for (int m = 0; m < 1 << d; m++) {
            for (int j = 0; j < d; j++) {
                corner[j] = (m >> j & 1) == 0 ? lo[j] : hi[j];
            }
            toOuter(corner, mapped, false);
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], mapped[j]);
                max[j] = Math.max(max[j], mapped[j]);
            }
        }
        return new double[][] {min, max};
    }

    @Override
    public double[] lower() {
        return corners()[0];
    }

    @Override
    public double[] upper() {
        return corners()[1];
    }

    @Override
    public double volume() {
        return Math.pow(s, c.length) * inner.volume();
    }

    @Override
    public List<String> boundaryParts() {
        return inner.boundaryParts();
    }

    @Override
    public double boundaryMeasure(String part) {
        return Math.pow(s, c.length - 1) * inner.boundaryMeasure(part);
    }

    @Override
    double candidateMeasure(String part) {
        return Math.pow(s, c.length - 1) * inner.candidateMeasure(part);
    }

    @Override
    boolean draw(String part, SplittableRandom random, double[] point, double[] normal) {
        boolean kept = inner.draw(part, random, point, normal);
        toOuter(point, point, false);
        toOuter(normal, normal, true);
        return kept;
    }

    @Override
    public String toString() {
        return "moved(" + inner + ")";
    }

    /** s·φ_inner(Qᵀ(y − c)/s): a similarity keeps the function's sign and its slope at the boundary. */
    @Override
    TaylorJet adf(TaylorJet[] y, java.util.Set<String> selected, boolean signed) {
        int d = c.length;
        TaylorJet[] x = new TaylorJet[d];
        for (int i = 0; i < d; i++) {
            TaylorJet sum = TaylorJet.constant(d, y[0].order(), 0);
            for (int k = 0; k < d; k++) {
                sum = sum.plus(y[k].plus(-c[k]).times(q[k * d + i]));
            }
            x[i] = sum.times(1 / s);
        }
        return inner.adf(x, selected, signed).times(s);
    }
}
