package org.geopinn.evolution;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.evolution.EvolutionEvent;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.evolution.Snapshot;
import org.geopinn.api.evolution.TimeReference;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.problem.Domain;
import org.geopinn.reporting.HeatMaps;
import org.geopinn.reporting.Json;
import org.geopinn.reporting.LineChart;
import org.geopinn.reporting.Vtk;

/**
 * Writes a Neural IVP run into a directory: {@code history.csv} (one line per event),
 * {@code summary.json}, {@code error.png} (relative L2 error against time, restarts marked),
 * {@code solver.png} (CG iterations and PDE residual per step, restarts marked) and, per snapshot,
 * the fields on an 81×81 grid of the (x₁, x₂) plane (other coordinates at the box centre) as
 * {@code snapshot-tT.csv}, {@code snapshot-tT.vtk} (legacy VTK structured points, with the
 * reference when known) and {@code snapshot-tT.png} (network, reference, error), all through the
 * shared reporting bundle (XChart pictures, one JSON style).
 */
final class ResultWriter {
    static final int GRID = 81;

    private ResultWriter() {
    }

    /**
     * @param problem the problem
     * @param settings the settings used
     * @param result the run's result
     * @param directory the directory (created)
     */
    static void write(InitialValueProblem problem, EvolutionSettings settings, EvolutionResult result, Path directory) {
        try {
            Files.createDirectories(directory);
            writeHistory(result.events(), directory.resolve("history.csv"));
            Json.write(summary(problem, settings, result), directory.resolve("summary.json"));
            errorChart(problem.id(), result.events(), directory.resolve("error.png"));
            solverChart(problem.id(), result.events(), directory.resolve("solver.png"));
            for (Snapshot s : result.snapshots()) {
                writeSnapshot(problem, s, directory);
            }
        } catch (IOException e) {
            throw new GeopinnException("cannot write results to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The relative L2 error against time (fit, accepted steps, refits), when a reference is known. */
    static void errorChart(String id, List<EvolutionEvent> events, Path file) {
        List<EvolutionEvent> errors = events.stream().filter(e -> e.kind() == EvolutionEvent.Kind.STEP
                || e.kind() == EvolutionEvent.Kind.FITTED).toList();
        if (errors.stream().noneMatch(e -> Double.isFinite(e.relativeError()))) {
            return;
        }
        LineChart.write(LineChart.Axes.of(id + ": relative L2 error against time", "t", "relative L2 error", true),
                List.of(LineChart.Series.line("error", times(errors), column(errors, EvolutionEvent::relativeError)),
                        restarts(events, EvolutionEvent::relativeError, false)), file);
    }

    /**
     * CG iterations (the most of a step's solves) and the PDE residual ‖Jθ̇ − L[u]‖/‖L[u]‖ against
     * time, with the restarts marked: how the conditioning of M(θ) evolves over a long run.
     */
    static void solverChart(String id, List<EvolutionEvent> events, Path file) {
        List<EvolutionEvent> steps = events.stream().filter(e -> e.kind() == EvolutionEvent.Kind.STEP).toList();
        if (steps.isEmpty()) {
            return;
        }
        double[] cg = steps.stream().mapToDouble(EvolutionEvent::cgIterations).toArray();
        LineChart.write(new LineChart.Axes(id + ": CG iterations, PDE residual and restarts", "t", "PDE residual", true,
                "CG iterations (most per step)"),
                List.of(LineChart.Series.line("PDE residual", times(steps), column(steps, EvolutionEvent::residual)),
                        new LineChart.Series("CG iterations", times(steps), cg, LineChart.Style.LINE_AND_MARKERS, true),
                        restarts(events, e -> steps.stream().filter(s -> s.time() <= e.time())
                                .mapToDouble(EvolutionEvent::cgIterations).reduce((a, b) -> b).orElse(e.cgIterations()), true)),
                file);
    }

    private static LineChart.Series restarts(List<EvolutionEvent> events, ToDoubleFunction<EvolutionEvent> height, boolean right) {
        List<EvolutionEvent> r = events.stream().filter(e -> e.kind() == EvolutionEvent.Kind.RESTARTED).toList();
        return new LineChart.Series("restart", times(r), column(r, height), LineChart.Style.MARKERS, right);
    }

    private static double[] times(List<EvolutionEvent> events) {
        return column(events, EvolutionEvent::time);
    }

    private static double[] column(List<EvolutionEvent> events, ToDoubleFunction<EvolutionEvent> f) {
        return events.stream().mapToDouble(f).toArray();
    }

    /**
     * Writes the history so far while a run goes on (at an output time, beside the state to resume
     * from): into a temporary file renamed over {@code history.csv}, so that a kill leaves either
     * the earlier or the new one whole.
     *
     * @param events the events so far
     * @param directory the results directory (created)
     */
    static void checkpoint(List<EvolutionEvent> events, Path directory) {
        try {
            AtomicReplace.replace(directory.resolve("history.csv"), tmp -> writeHistory(events, tmp));
        } catch (IOException e) {
            throw new GeopinnException("cannot write " + directory.resolve("history.csv") + ": " + e.getMessage(), e);
        }
    }

    private static void writeHistory(List<EvolutionEvent> events, Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("kind,step,t,dt,cg_iterations,cg_residual,pde_residual,error_estimate,rel_l2,restarts,seconds,message");
            for (EvolutionEvent e : events) {
                w.println(String.format(Locale.ROOT, "%s,%d,%.9g,%.6g,%d,%.4g,%.4g,%.4g,%.6g,%d,%.3f,\"%s\"", e.kind(),
                        e.step(), e.time(), e.stepSize(), e.cgIterations(), e.cgResidual(), e.residual(),
                        e.errorEstimate(), e.relativeError(), e.restarts(), e.seconds(), e.message().replace('"', '\'')));
            }
        }
    }

    /** @return the run summary as the ordered map that {@link Json} writes */
    static Map<String, Object> summary(InitialValueProblem problem, EvolutionSettings settings, EvolutionResult result) {
        EvolutionEvent last = result.events().get(result.events().size() - 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", problem.id());
        m.put("method", "neural-ivp");
        m.put("model", settings.model());
        m.put("parameters", result.parameterCount());
        m.put("seed", settings.seed());
        m.put("t", result.finalState().time());
        m.put("steps", result.finalState().steps());
        m.put("restarts", result.finalState().restarts());
        m.put("seconds", last.seconds());
        m.put("rel_l2", last.relativeError());
        m.put("ended", last.message());
        Map<String, Object> values = new LinkedHashMap<>(settings.asMap());
        settings.modelOptions().forEach((k, v) -> values.put("model." + k, v));
        m.put("settings", values);
        return m;
    }

    private static void writeSnapshot(InitialValueProblem problem, Snapshot s, Path directory) throws IOException {
        Domain domain = problem.domain();
        int d = domain.dimension();
        double[] lo = domain.lower();
        double[] hi = domain.upper();
        int n = d >= 2 ? GRID * GRID : GRID;
        double[] points = new double[n * d];
        for (int idx = 0; idx < n; idx++) {
            for (int j = 0; j < d; j++) {
                points[idx * d + j] = 0.5 * (lo[j] + hi[j]);
            }
            points[idx * d] = lo[0] + (hi[0] - lo[0]) * (idx % GRID) / (GRID - 1.0);
            if (d >= 2) {
                points[idx * d + 1] = lo[1] + (hi[1] - lo[1]) * (idx / GRID) / (GRID - 1.0);
            }
        }
        List<String> fields = problem.vocabulary().fields();
        int f = fields.size();
        double[] u = new double[n * f];
        s.solution().evaluate(points, n, DerivativeRequest.valuesOnly(d), u);
        Optional<TimeReference> reference = problem.reference();
        double[] exact = null;
        if (reference.isPresent()) {
            exact = new double[n * f];
            reference.get().evaluate(s.time(), points, n, exact);
        }
        String stem = String.format(Locale.ROOT, "snapshot-t%.4f", s.time());
        List<String> variables = problem.vocabulary().variables();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(directory.resolve(stem + ".csv")))) {
            List<String> header = new ArrayList<>(variables.subList(0, Math.min(2, d)));
            for (String name : fields) {
                header.add(name);
                if (exact != null) {
                    header.add(name + "_reference");
                }
            }
            w.println(String.join(",", header));
            for (int i = 0; i < n; i++) {
                StringBuilder line = new StringBuilder();
                line.append(points[i * d]);
                if (d >= 2) {
                    line.append(',').append(points[i * d + 1]);
                }
                for (int q = 0; q < f; q++) {
                    line.append(',').append(u[q * n + i]);
                    if (exact != null) {
                        line.append(',').append(exact[i * f + q]);
                    }
                }
                w.println(line);
            }
        }
        if (d < 2) {
            return;
        }
        Map<String, double[]> vtk = new LinkedHashMap<>();
        List<HeatMaps.Panel> panels = new ArrayList<>();
        for (int q = 0; q < f; q++) {
            double[] mine = new double[n];
            double[] theirs = new double[n];
            double[] error = new double[n];
            double amplitude = 0;
            double worst = 0;
            for (int i = 0; i < n; i++) {
                mine[i] = u[q * n + i];
                theirs[i] = exact == null ? 0 : exact[i * f + q];
                error[i] = mine[i] - theirs[i];
                amplitude = Math.max(amplitude, Math.max(Math.abs(mine[i]), Math.abs(theirs[i])));
                worst = Math.max(worst, Math.abs(error[i]));
            }
            vtk.put(fields.get(q), mine);
            String at = String.format(Locale.ROOT, " at t=%.3f", s.time());
            panels.add(panel(fields.get(q) + " (network)" + at, mine, lo, hi, -amplitude, amplitude));
            if (exact != null) {
                vtk.put(fields.get(q) + "_reference", theirs);
                panels.add(panel(fields.get(q) + " (reference)", theirs, lo, hi, -amplitude, amplitude));
                panels.add(panel("network - reference", error, lo, hi, -worst, worst));
            }
        }
        Vtk.structuredPoints(directory.resolve(stem + ".vtk"), "geopinn neural-ivp t=" + s.time(), GRID, GRID,
                new double[] {lo[0], lo[1]}, new double[] {(hi[0] - lo[0]) / (GRID - 1), (hi[1] - lo[1]) / (GRID - 1)}, vtk);
        HeatMaps.write(panels, variables.get(0), variables.get(1), directory.resolve(stem + ".png"));
    }

    private static HeatMaps.Panel panel(String title, double[] values, double[] lo, double[] hi, double min, double max) {
        return new HeatMaps.Panel(title, values, GRID, GRID, lo[0], hi[0], lo[1], hi[1], min, max);
    }
}
