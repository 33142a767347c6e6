package org.geopinn.geometry;

import org.geopinn.api.model.TaylorJet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A boolean combination of two shapes. Signed distance: union min(a, b), intersection max(a, b),
 * difference max(a, −b): the sign is always right and the value is exact where the nearest
 * boundary point of the result is the nearest of the operand chosen (e.g. outside a union, inside
 * an intersection, inside a plate near its hole); elsewhere it is a bound on the distance. The
 * boundary of the result is the part of each operand's boundary that lies strictly outside (union,
 * difference for the first operand) or strictly inside (intersection, difference for the second,
 * whose normals are reversed) the other operand; pieces both boundaries share exactly are dropped.
 * Volume and boundary measures are estimated from {@value Shape#ESTIMATE_DRAWS} fixed draws.
 */
final class Combination extends Shape {
    /** The boolean operation. */
    enum Op { UNION, DIFFERENCE, INTERSECTION }

    private final Op op;
    private final Shape a;
    private final Shape b;
    private final List<String> parts;

    Combination(Op op, Shape a, Shape b) {
        requireDimension(a, b);
        this.op = op;
        this.a = a;
        this.b = b;
        this.parts = mergedParts(a.boundaryParts(), b.boundaryParts());
    }

    @Override
    public int dimension() {
        return a.dimension();
    }

    @Override
    public double signedDistance(double[] x) {
        double da = a.signedDistance(x);
        double db = b.signedDistance(x);
        switch (op) {
            case UNION: return Math.min(da, db);
            case INTERSECTION: return Math.max(da, db);
            default: return Math.max(da, -db);
        }
    }

    @Override
    public void normal(double[] x, double[] out) {
        double da = a.signedDistance(x);
        double db = b.signedDistance(x);
        boolean first;
        switch (op) {
            case UNION: first = da <= db; break;
            case INTERSECTION: first = da >= db; break;
            default: first = da >= -db; break;
        }
        (first ? a : b).normal(x, out);
        if (!first && op == Op.DIFFERENCE) {
            for (int j = 0; j < out.length; j++) {
                out[j] = -out[j];
            }
        }
    }

    @Override
    public double[] lower() {
        double[] la = a.lower();
        double[] lb = b.lower();
        for (int j = 0; j < la.length; j++) {
            la[j] = op == Op.UNION ? Math.min(la[j], lb[j]) : op == Op.INTERSECTION ? Math.max(la[j], lb[j]) : la[j];
        }
        return la;
    }

    @Override
    public double[] upper() {
        double[] ua = a.upper();
        double[] ub = b.upper();
        for (int j = 0; j < ua.length; j++) {
            ua[j] = op == Op.UNION ? Math.max(ua[j], ub[j]) : op == Op.INTERSECTION ? Math.min(ua[j], ub[j]) : ua[j];
        }
        return ua;
    }

    @Override
    public List<String> boundaryParts() {
        return parts;
    }

    @Override
    double candidateMeasure(String part) {
        return (a.boundaryParts().contains(part) ? a.candidateMeasure(part) : 0)
                + (b.boundaryParts().contains(part) ? b.candidateMeasure(part) : 0);
    }

    @Override
    boolean draw(String part, SplittableRandom random, double[] point, double[] normal) {
        double ma = a.boundaryParts().contains(part) ? a.candidateMeasure(part) : 0;
        double mb = b.boundaryParts().contains(part) ? b.candidateMeasure(part) : 0;
        boolean fromA = random.nextDouble() * (ma + mb) < ma;
        Shape from = fromA ? a : b;
        if (!from.draw(part, random, point, normal)) {
            return false;
        }
        double other = (fromA ? b : a).signedDistance(point);
        switch (op) {
            case UNION: return other > 0;
            case INTERSECTION: return other < 0;
            default:
                if (fromA) {
                    return other > 0;
                }
                for (int j = 0; j < normal.length; j++) {
                    normal[j] = -normal[j];
                }
                return other < 0;
        }
    }

    @Override
    public String toString() {
        return op.name().toLowerCase() + "(" + a + ", " + b + ")";
    }

    @Override
    TaylorJet adf(TaylorJet[] x, java.util.Set<String> selected, boolean signed) {
        java.util.Set<String> inA = new java.util.HashSet<>(selected);
        inA.retainAll(a.boundaryParts());
        java.util.Set<String> inB = new java.util.HashSet<>(selected);
        inB.retainAll(b.boundaryParts());
        if (op == Op.UNION || signed) {
            requireAllIfSigned(selected, true);
            TaylorJet fa = a.adf(x, inA, true);
            TaylorJet fb = b.adf(x, inB, true);
            switch (op) {
                case UNION: return or(fa, fb);
                case INTERSECTION: return and(fa, fb);
                default: return and(fa, fb.negate());
            }
        }
        TaylorJet fa = inA.isEmpty() ? null : a.adf(x, inA, false);
        TaylorJet fb = null;
        if (!inB.isEmpty()) {
            // A subtracted operand's factor must stay positive in all of A ∖ B: its signed function, negated.
            fb = op == Op.DIFFERENCE ? b.adf(x, inB, true).negate() : b.adf(x, inB, false);
        }
        return times(fa, fb);
    }
}
