package org.geopinn.geometry;

import org.geopinn.api.model.TaylorJet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A shape whose boundary parts carry other names; parts renamed alike become one part. */
final class Renamed extends Shape {
    private final Shape inner;
    private final Map<String, String> renaming;
    private final List<String> parts;

    Renamed(Shape inner, Map<String, String> renaming) {
        this.inner = inner;
        this.renaming = Map.copyOf(renaming);
        List<String> names = new ArrayList<>();
        for (String p : inner.boundaryParts()) {
            String n = outer(p);
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        this.parts = List.copyOf(names);
    }

    private String outer(String innerPart) {
        return renaming.getOrDefault(innerPart, innerPart);
    }

    private List<String> inners(String part) {
        return inner.boundaryParts().stream().filter(p -> outer(p).equals(part)).toList();
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public double signedDistance(double[] x) {
        return inner.signedDistance(x);
    }

    @Override
    public void normal(double[] x, double[] out) {
        inner.normal(x, out);
    }

    @Override
    public double[] lower() {
        return inner.lower();
    }

    @Override
    public double[] upper() {
        return inner.upper();
    }

    @Override
    public double volume() {
        return inner.volume();
    }

    @Override
    public List<String> boundaryParts() {
        return parts;
    }

    @Override
    public double boundaryMeasure(String part) {
        requirePart(part);
        return inners(part).stream().mapToDouble(inner::boundaryMeasure).sum();
    }

    @Override
    double candidateMeasure(String part) {
        return inners(part).stream().mapToDouble(inner::candidateMeasure).sum();
    }

    @Override
    boolean draw(String part, SplittableRandom random, double[] point, double[] normal) {
        List<String> from = inners(part);
        double u = random.nextDouble() * candidateMeasure(part);
        for (String p : from) {
            double m = inner.candidateMeasure(p);
            if (u < m || p.equals(from.get(from.size() - 1))) {
                return inner.draw(p, random, point, normal);
            }
            u -= m;
        }
        throw new AssertionError(part);
    }

    @Override
    public String toString() {
        return inner.toString();
    }

    @Override
    TaylorJet adf(TaylorJet[] x, java.util.Set<String> selected, boolean signed) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String p : inner.boundaryParts()) {
            if (selected.contains(outer(p))) {
                names.add(p);
            }
        }
        return inner.adf(x, names, signed);
    }
}
