package org.geopinn.samplers.internal;

import java.util.List;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;

/**
 * Samplers built on a generator of points in the unit cube (random, quasi-random, stratified):
 * the interior takes {@code count} d-dimensional points; a face or boundary takes one stream of
 * (d−1)-dimensional points shared among its faces by measure. On a 1-D domain a face is a single
 * point and yields exactly one point.
 */
abstract class SequenceSampler extends BoxSampler {

    /**
     * @param q the dimension of the cube, at least 1
     * @param count the number of points
     * @param seed the random seed
     * @param options the validated options
     * @return points in [0,1]^q, row-major count×q
     */
    abstract double[] unitCube(int q, int count, long seed, SamplerOptions options);

    @Override
    final double[] unitPoints(Domain domain, DomainPart part, int count, long seed, SamplerOptions options) {
        int d = domain.dimension();
        if (part.kind() == DomainPart.Kind.INTERIOR) {
            return unitCube(d, count, seed, options);
        }
        List<BoxFaces.Face> faces = BoxFaces.of(domain, part);
        int[] perFace = d == 1 ? ones(faces.size()) : BoxFaces.allocate(faces, count);
        int total = 0;
        for (int n : perFace) {
            total += n;
        }
        double[] out = new double[total * d];
        double[] cube = d == 1 ? new double[0] : unitCube(d - 1, total, seed, options);
        int row = 0;
        for (int f = 0; f < faces.size(); f++) {
            for (int i = 0; i < perFace[f]; i++, row++) {
                BoxFaces.embed(faces.get(f), cube, row, out, row, d);
            }
        }
        return out;
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }
}
