package org.geopinn.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.api.session.Session;
import org.geopinn.api.solution.TrainedSolution;

/**
 * A session's current solution on a grid over the model's input box, for the heat maps: the
 * plane of the first two variables (others at mid-range; one row in 1-D), each field and, when
 * the problem has a reference, the absolute error. Evaluated on a copy of the parameters taken
 * between two steps, so training is not held up.
 */
final class HeatMaps {
    private HeatMaps() {
    }

    /**
     * @param session the session
     * @param problem its problem service, if still there (for the reference and variable names)
     * @param perAxis grid points per axis
     * @return the JSON-ready grid
     */
    static Map<String, Object> of(Session session, Optional<Problem> problem, int perAxis) {
        ModelSpec spec = session.model().spec();
        int d = spec.inputDimension();
        double[] lo = spec.inputLower();
        double[] hi = spec.inputUpper();
        int nx = perAxis;
        int ny = d == 1 ? 1 : perAxis;
        int n = nx * ny;
        double[] points = new double[n * d];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                int i = ix + nx * iy;
                for (int j = 0; j < d; j++) {
                    double t = j == 0 ? ix / (nx - 1.0) : j == 1 ? iy / Math.max(1, ny - 1.0) : 0.5;
                    points[i * d + j] = lo[j] + t * (hi[j] - lo[j]);
                }
            }
        }
        List<String> variables = problem.map(p -> p.domain().variables()).filter(v -> v.size() == d).orElseGet(() -> {
            List<String> names = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                names.add("x" + j);
            }
            return names;
        });
        List<String> fields = spec.fields();
        int nf = fields.size();
        double[] values = new double[nf * n];
        TrainedSolution.of(session.spec().problemId(), variables, session.model(), session.parameters())
                .evaluate(points, n, DerivativeRequest.valuesOnly(d), values);
        Optional<ReferenceSolution> reference = problem.flatMap(Problem::reference);
        double[] ref = null;
        if (reference.isPresent()) {
            ref = new double[n * nf];
            reference.get().evaluate(points, n, ref);
        }
        List<Object> out = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            double[] u = java.util.Arrays.copyOfRange(values, f * n, (f + 1) * n);
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", fields.get(f));
            field.put("values", u);
            if (ref != null) {
                double[] err = new double[n];
                for (int i = 0; i < n; i++) {
                    err[i] = Math.abs(u[i] - ref[i * nf + f]);
                }
                field.put("error", err);
            }
            out.add(field);
        }
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("nx", nx);
        grid.put("ny", ny);
        grid.put("axes", d == 1 ? List.of(variables.get(0)) : variables.subList(0, 2));
        grid.put("lower", new double[] {lo[0], d > 1 ? lo[1] : 0});
        grid.put("upper", new double[] {hi[0], d > 1 ? hi[1] : 0});
        grid.put("fields", out);
        return grid;
    }
}
