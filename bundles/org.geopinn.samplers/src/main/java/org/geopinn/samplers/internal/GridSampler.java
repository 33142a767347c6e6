package org.geopinn.samplers.internal;

import java.util.Set;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/**
 * Regular grids; the seed is ignored and the count rounded up to what the grid holds.
 * <ul>
 * <li>Interior of a d-box: m = ⌈n^(1/d)⌉ points per axis strictly inside, at lower + (i+1)·w/(m+1)
 * (n = 900 in 2-D gives the 30×30 grid of the 2-D Laplace reference).</li>
 * <li>One face: the same rule on the face's (d−1)-box, strictly inside it, so a face grid never
 * repeats points of the neighbouring faces.</li>
 * <li>A boundary (union of faces): the nodes of one closed lattice, with the same spacing on every
 * axis, that lie on those faces; corners and edges appear once. The spacing is the largest giving
 * at least n points (the unit square's boundary with n = 120: 31 nodes per side, 120 points).</li>
 * <li>A face of a 1-D domain is a single point.</li>
 * </ul>
 * Options: the clustering options only (grid lines are stretched toward the chosen face).
 */
@Component(service = Sampler.class, property = {"geopinn.id=grid",
    "geopinn.description=Regular grid (count rounded up to a full grid)"})
public final class GridSampler extends BoxSampler {
    @Override
    public String id() {
        return "grid";
    }

    @Override
    public String description() {
        return "Regular grid (count rounded up to a full grid)";
    }

    @Override
    Set<String> allowedOptions() {
        return SamplerOptions.withClustering();
    }

    @Override
    boolean roundsCount() {
        return true;
    }

    @Override
    double[] unitPoints(Domain domain, DomainPart part, int count, long seed, SamplerOptions options) {
        int d = domain.dimension();
        switch (part.kind()) {
            case INTERIOR:
                return openGrid(d, count);
            case FACE: {
                BoxFaces.Face face = BoxFaces.of(domain, part).get(0);
                double[] inner = d == 1 ? new double[0] : openGrid(d - 1, count);
                int n = d == 1 ? 1 : inner.length / (d - 1);
                double[] out = new double[n * d];
                for (int i = 0; i < n; i++) {
                    BoxFaces.embed(face, inner, i, out, i, d);
                }
                return out;
            }
            default:
                return boundaryLattice(domain, part, count);
        }
    }

    /** m^q points strictly inside the unit q-cube, m = ⌈count^(1/q)⌉. */
    static double[] openGrid(int q, int count) {
        int m = Math.max(1, (int) Math.floor(Math.pow(count, 1.0 / q)));
        while (power(m, q) < count) {
            m++;
        }
        int n = (int) power(m, q);
        double[] u = new double[n * q];
        int[] index = new int[q];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < q; j++) {
                u[i * q + j] = (index[j] + 1) / (double) (m + 1);
            }
            increment(index, m);
        }
        return u;
    }

    private static double[] boundaryLattice(Domain domain, DomainPart part, int count) {
        int d = domain.dimension();
        boolean[] onBoundary = new boolean[d];
        for (int j : part.boundaryVariables()) {
            onBoundary[j] = true;
        }
        double longest = 0;
        for (int j = 0; j < d; j++) {
            longest = Math.max(longest, domain.upper(j) - domain.lower(j));
        }
        int[] m = new int[d];
        for (int s = 1; ; s++) { // s intervals along the longest axis; the node count grows with s
            for (int j = 0; j < d; j++) {
                m[j] = Math.max(1, (int) Math.round(s * (domain.upper(j) - domain.lower(j)) / longest));
            }
            if (d == 1 || boundaryNodes(m, onBoundary) >= count) {
                break;
            }
        }
        int n = (int) boundaryNodes(m, onBoundary);
        double[] u = new double[n * d];
        int[] index = new int[d];
        int[] sizes = new int[d];
        long all = 1;
        for (int j = 0; j < d; j++) {
            sizes[j] = m[j] + 1;
            all *= sizes[j];
        }
        int row = 0;
        for (long k = 0; k < all; k++) {
            if (onFace(index, m, onBoundary)) {
                for (int j = 0; j < d; j++) {
                    u[row * d + j] = index[j] == m[j] ? 1 : index[j] / (double) m[j];
                }
                row++;
            }
            incrementMixed(index, sizes);
        }
        return u;
    }

    /** Lattice nodes with at least one boundary variable at 0 or m: all nodes minus the inner ones. */
    private static long boundaryNodes(int[] m, boolean[] onBoundary) {
        long all = 1;
        long inner = 1;
        for (int j = 0; j < m.length; j++) {
            all *= m[j] + 1;
            inner *= onBoundary[j] ? Math.max(0, m[j] - 1) : m[j] + 1;
        }
        return all - inner;
    }

    private static boolean onFace(int[] index, int[] m, boolean[] onBoundary) {
        for (int j = 0; j < index.length; j++) {
            if (onBoundary[j] && (index[j] == 0 || index[j] == m[j])) {
                return true;
            }
        }
        return false;
    }

    private static long power(int m, int q) {
        long p = 1;
        for (int j = 0; j < q; j++) {
            p *= m;
        }
        return p;
    }

    private static void increment(int[] index, int base) {
        for (int j = index.length - 1; j >= 0; j--) {
            if (++index[j] < base) {
                return;
            }
            index[j] = 0;
        }
    }

    private static void incrementMixed(int[] index, int[] sizes) {
        for (int j = index.length - 1; j >= 0; j--) {
            if (++index[j] < sizes[j]) {
                return;
            }
            index[j] = 0;
        }
    }
}
