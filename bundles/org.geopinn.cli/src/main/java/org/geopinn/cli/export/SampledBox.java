package org.geopinn.cli.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.api.solution.TrainedSolution;

/**
 * A trained solution sampled on a regular grid of its box domain, for VTK XML: the whole box in
 * up to three variables; with more, the box of the first three with the others at mid-range.
 * Holds each field, and when the problem has a reference its reference and absolute error.
 *
 * @param variables the variables spanning the grid (one to three)
 * @param size grid points per grid axis (three entries; 1 for axes beyond the variables)
 * @param origin the grid's first point (three entries)
 * @param spacing the step per axis (three entries)
 * @param points the sampled points, n × d row-major in all the domain's variables
 * @param arrays the point data by name, x fastest, then y, then z
 * @param slice where the grid lies in the other variables, empty when it spans them all
 */
public record SampledBox(List<String> variables, int[] size, double[] origin, double[] spacing, double[] points,
        Map<String, double[]> arrays, String slice) {
    /** @return the number of points: the grid's, or fewer after {@link #insideOnly} */
    public int count() {
        return arrays.isEmpty() ? size[0] * size[1] * size[2] : arrays.values().iterator().next().length;
    }

    /**
     * @param domain the domain the points were sampled on
     * @return the points inside the domain only, with their data (a point set for {@code .vtu});
     *         this sample itself when the domain is a box
     */
    public SampledBox insideOnly(Domain domain) {
        if (domain.geometry().isEmpty()) {
            return this;
        }
        int n = count();
        int d = points.length / n;
        boolean[] keep = inside(domain);
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        double[] p = new double[kept * d];
        Map<String, double[]> a = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            double[] v = new double[kept];
            for (int i = 0, m = 0; i < n; i++) {
                if (keep[i]) {
                    v[m++] = e.getValue()[i];
                }
            }
            a.put(e.getKey(), v);
        }
        for (int i = 0, m = 0; i < n; i++) {
            if (keep[i]) {
                System.arraycopy(points, i * d, p, m++ * d, d);
            }
        }
        return new SampledBox(variables, size, origin, spacing, p, a, slice);
    }

    /**
     * @param domain the domain the grid was sampled on
     * @return this grid with NaN in every array at the points outside the domain (blank in ParaView);
     *         this grid itself when the domain is a box
     */
    public SampledBox maskedOutside(Domain domain) {
        if (domain.geometry().isEmpty()) {
            return this;
        }
        boolean[] keep = inside(domain);
        Map<String, double[]> a = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            double[] v = e.getValue().clone();
            for (int i = 0; i < v.length; i++) {
                v[i] = keep[i] ? v[i] : Double.NaN;
            }
            a.put(e.getKey(), v);
        }
        return new SampledBox(variables, size, origin, spacing, points, a, slice);
    }

    private boolean[] inside(Domain domain) {
        int n = count();
        int d = points.length / n;
        boolean[] keep = new boolean[n];
        double[] x = new double[d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, i * d, x, 0, d);
            keep[i] = domain.contains(x);
        }
        return keep;
    }

    /**
     * @param domain the problem's domain
     * @param solution the trained solution
     * @param reference the reference solution, or null
     * @param perAxis grid points per axis (at least 2)
     * @return the sampled grid
     */
    public static SampledBox sample(Domain domain, TrainedSolution solution, ReferenceSolution reference, int perAxis) {
        int d = domain.dimension();
        int axes = Math.min(d, 3);
        int[] size = {1, 1, 1};
        double[] origin = new double[3];
        double[] spacing = {1, 1, 1};
        for (int a = 0; a < axes; a++) {
            size[a] = perAxis;
            origin[a] = domain.lower(a);
            spacing[a] = (domain.upper(a) - domain.lower(a)) / (perAxis - 1);
        }
        int n = size[0] * size[1] * size[2];
        double[] points = new double[n * d];
        StringBuilder slice = new StringBuilder();
        for (int j = 3; j < d; j++) {
            slice.append(slice.length() == 0 ? "slice at " : ", ").append(domain.variables().get(j)).append(" = ")
                    .append(0.5 * (domain.lower(j) + domain.upper(j)));
        }
        for (int i = 0; i < n; i++) {
            int[] index = {i % size[0], (i / size[0]) % size[1], i / (size[0] * size[1])};
            for (int j = 0; j < d; j++) {
                points[i * d + j] = j < axes ? origin[j] + spacing[j] * index[j] : 0.5 * (domain.lower(j) + domain.upper(j));
            }
        }
        List<String> fields = solution.fields();
        int nf = fields.size();
        double[] values = new double[nf * n];
        solution.evaluate(points, n, DerivativeRequest.valuesOnly(d), values);
        double[] ref = null;
        if (reference != null) {
            ref = new double[n * nf];
            reference.evaluate(points, n, ref);
        }
        Map<String, double[]> arrays = new LinkedHashMap<>();
        for (int f = 0; f < nf; f++) {
            arrays.put(fields.get(f), java.util.Arrays.copyOfRange(values, f * n, (f + 1) * n));
            if (ref != null) {
                double[] exact = new double[n];
                double[] error = new double[n];
                for (int i = 0; i < n; i++) {
                    exact[i] = ref[i * nf + f];
                    error[i] = Math.abs(values[f * n + i] - exact[i]);
                }
                arrays.put(fields.get(f) + "_reference", exact);
                arrays.put(fields.get(f) + "_error", error);
            }
        }
        return new SampledBox(new ArrayList<>(domain.variables().subList(0, axes)), size, origin, spacing, points, arrays, slice.toString());
    }
}
