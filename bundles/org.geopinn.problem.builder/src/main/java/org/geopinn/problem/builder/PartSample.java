package org.geopinn.problem.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;

/**
 * A reproducible sample of points of one domain part, where a problem's sources and coefficients
 * are checked before training: for a face or a boundary its corners, points along its edges and
 * random points on it; for the interior its centre, points near its corners and random points
 * strictly inside. The random points come from a fixed seed, so a check gives the same verdict on
 * every run and every machine. The sample has at most about {@link #BUDGET} points whatever the
 * dimension, so checking stays cheap.
 */
final class PartSample {
    /** Random points of the interior (and at most per face). */
    static final int RANDOM_POINTS = 48;
    /** Corners taken per face or interior: all of them up to dimension 6. */
    static final int MAX_CORNERS = 64;
    /** Points along the edges of a face, at most (four per free variable up to that). */
    static final int MAX_EDGE_POINTS = 32;
    /** Points of a boundary part in all, shared among its faces. */
    static final int BUDGET = 1024;
    /** How far inside the box the interior's corner points sit, as a fraction of each side. */
    static final double INSET = 1.0 / 64;
    private static final long SEED = 0x5eed_c0de_2024L;

    private PartSample() {
    }

    /**
     * @param domain the box
     * @param part one of its parts
     * @return points of the part, each a fresh array of the domain's dimension
     */
    static List<double[]> of(Domain domain, DomainPart part) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<double[]> points = new ArrayList<>();
        if (domain.geometry().isPresent()) {
            geometry(domain.geometry().get(), part, points);
            return points;
        }
        switch (part.kind()) {
            case INTERIOR:
                interior(domain, random, points);
                break;
            case FACE:
                face(domain, part.variable(), part.upper(), BUDGET, random, points);
                break;
            default: {
                int[] vs = part.boundaryVariables();
                int perFace = Math.max(4, BUDGET / Math.max(1, 2 * vs.length));
                for (int j : vs) {
                    face(domain, j, false, perFace, random, points);
                    face(domain, j, true, perFace, random, points);
                }
            }
        }
        return points;
    }

    /** A geometry's interior or boundary part: its own reproducible samples, as many as a box part gets. */
    private static void geometry(org.geopinn.api.geometry.Geometry g, DomainPart part, List<double[]> out) {
        int d = g.dimension();
        double[] p = part.kind() == DomainPart.Kind.INTERIOR ? g.sampleInterior(RANDOM_POINTS + MAX_CORNERS, SEED)
                : g.sampleBoundary(part.geometryParts(), BUDGET / 4, SEED).points();
        for (int i = 0; i < p.length / d; i++) {
            out.add(java.util.Arrays.copyOfRange(p, i * d, (i + 1) * d));
        }
    }

    private static void interior(Domain domain, SplittableRandom random, List<double[]> out) {
        int d = domain.dimension();
        double[] centre = new double[d];
        for (int j = 0; j < d; j++) {
            centre[j] = domain.lower(j) + 0.5 * (domain.upper(j) - domain.lower(j));
        }
        out.add(centre);
        for (long corner = 0; corner < Math.min(MAX_CORNERS, 1L << Math.min(d, 30)); corner++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                double w = domain.upper(j) - domain.lower(j);
                // the binary digits of the corner's number for the first variables, random beyond
                boolean high = j < 30 ? (corner >> j & 1) == 1 : random.nextBoolean();
                x[j] = high ? domain.upper(j) - INSET * w : domain.lower(j) + INSET * w;
            }
            out.add(x);
        }
        for (int k = 0; k < RANDOM_POINTS; k++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                // strictly inside: the interior is open
                x[j] = domain.lower(j) + (INSET + (1 - 2 * INSET) * random.nextDouble()) * (domain.upper(j) - domain.lower(j));
            }
            out.add(x);
        }
    }

    private static void face(Domain domain, int fixed, boolean upper, int budget, SplittableRandom random, List<double[]> out) {
        int d = domain.dimension();
        double at = upper ? domain.upper(fixed) : domain.lower(fixed);
        int free = d - 1;
        int corners = (int) Math.min(Math.min(MAX_CORNERS, budget / 3 + 1), 1L << Math.min(free, 30));
        for (long corner = 0; corner < corners; corner++) {
            double[] x = new double[d];
            int bit = 0;
            for (int j = 0; j < d; j++) {
                if (j == fixed) {
                    x[j] = at;
                } else {
                    boolean high = bit < 30 ? (corner >> bit & 1) == 1 : random.nextBoolean();
                    bit++;
                    x[j] = high ? domain.upper(j) : domain.lower(j);
                }
            }
            out.add(x);
        }
        if (free == 0) {
            return; // a face of a 1-D box is one point
        }
        // along its edges: one free variable random, the others at a random corner
        int edges = Math.min(Math.min(MAX_EDGE_POINTS, budget / 3), 4 * free);
        for (int k = 0; k < edges; k++) {
            int j = k % free;
            j = j >= fixed ? j + 1 : j;
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = i == fixed ? at : i == j ? uniform(domain, i, random) : random.nextBoolean() ? domain.lower(i) : domain.upper(i);
            }
            out.add(x);
        }
        // random points on the face
        for (int k = 0; k < Math.min(RANDOM_POINTS, Math.max(1, budget / 3)); k++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = i == fixed ? at : uniform(domain, i, random);
            }
            out.add(x);
        }
    }

    private static double uniform(Domain domain, int j, SplittableRandom random) {
        return domain.lower(j) + random.nextDouble() * (domain.upper(j) - domain.lower(j));
    }

    /**
     * @param variables the variable names
     * @param x a point
     * @return the point as {@code (x=0, y=0.25)}
     */
    static String describe(List<String> variables, double[] x) {
        StringBuilder b = new StringBuilder("(");
        for (int j = 0; j < x.length && j < 10; j++) {
            b.append(j == 0 ? "" : ", ").append(j < variables.size() ? variables.get(j) : "#" + j).append('=')
                    .append(String.format(Locale.ROOT, "%.6g", x[j]).replaceAll("\\.?0+(e|$)", "$1"));
        }
        return b.append(x.length > 10 ? ", …)" : ")").toString();
    }
}
