package org.geopinn.samplers.internal;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;

/** The faces that make up a face or boundary part, with their measures, and how to share points among them. */
final class BoxFaces {
    /** One face: variable {@code variable} held at its lower (false) or upper (true) bound. */
    record Face(int variable, boolean upper, double measure) {
    }

    private BoxFaces() {
    }

    /**
     * @param domain the box
     * @param part a FACE or BOUNDARY part
     * @return its faces, in variable order, lower before upper
     */
    static List<Face> of(Domain domain, DomainPart part) {
        List<Face> faces = new ArrayList<>();
        double volume = 1;
        for (int j = 0; j < domain.dimension(); j++) {
            volume *= domain.upper(j) - domain.lower(j);
        }
        if (part.kind() == DomainPart.Kind.FACE) {
            int j = part.variable();
            faces.add(new Face(j, part.upper(), volume / (domain.upper(j) - domain.lower(j))));
            return faces;
        }
        boolean[] seen = new boolean[domain.dimension()];
        for (int j : part.boundaryVariables()) {
            seen[j] = true; // a variable listed twice still contributes its two faces once
        }
        for (int j = 0; j < seen.length; j++) {
            if (seen[j]) {
                double m = volume / (domain.upper(j) - domain.lower(j));
                faces.add(new Face(j, false, m));
                faces.add(new Face(j, true, m));
            }
        }
        return faces;
    }

    /**
     * Shares {@code count} points among faces in proportion to their measures (largest remainders,
     * ties to the earlier face), so every run gives the same split.
     *
     * @param faces the faces
     * @param count the total
     * @return points per face
     */
    static int[] allocate(List<Face> faces, int count) {
        double total = faces.stream().mapToDouble(Face::measure).sum();
        int[] n = new int[faces.size()];
        double[] remainder = new double[faces.size()];
        int given = 0;
        for (int f = 0; f < n.length; f++) {
            double exact = count * faces.get(f).measure() / total;
            n[f] = (int) Math.floor(exact);
            remainder[f] = exact - n[f];
            given += n[f];
        }
        while (given < count) {
            int best = 0;
            for (int f = 1; f < n.length; f++) {
                if (remainder[f] > remainder[best]) {
                    best = f;
                }
            }
            n[best]++;
            remainder[best] = -1;
            given++;
        }
        return n;
    }

    /**
     * Writes a (d−1)-dimensional unit point onto a face of the d-dimensional unit box.
     *
     * @param face the face
     * @param src unit points of dimension d−1 (not modified)
     * @param srcRow the point's row in {@code src}
     * @param dst unit points of dimension d (modified)
     * @param dstRow the row to write
     * @param d the dimension
     */
    static void embed(Face face, double[] src, int srcRow, double[] dst, int dstRow, int d) {
        int q = d - 1;
        int k = 0;
        for (int j = 0; j < d; j++) {
            dst[dstRow * d + j] = j == face.variable() ? (face.upper() ? 1 : 0) : src[srcRow * q + k++];
        }
    }
}
