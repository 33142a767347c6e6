package org.geopinn.evolution;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.evolution.EvolutionEvent;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.evolution.Snapshot;
import org.geopinn.api.evolution.TimeReference;
import org.geopinn.api.model.DerivativeRequest;

/**
 * Writes a Neural IVP run into a directory: {@code history.csv} (one line per event),
 * {@code summary.json}, {@code error.png} (relative L2 error against time) and, per snapshot,
 * the fields on an 81×81 grid of the (x₁, x₂) plane (other coordinates at the box centre) as
 * {@code snapshot-tT.csv}, {@code snapshot-tT.vtk} (legacy VTK structured points, with the
 * reference and the error when known) and {@code snapshot-tT.png} (network, reference, error).
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
            writeSummary(problem, settings, result, directory.resolve("summary.json"));
            List<EvolutionEvent> errors = result.events().stream()
                    .filter(e -> e.kind() == EvolutionEvent.Kind.STEP || e.kind() == EvolutionEvent.Kind.FITTED).toList();
            if (errors.stream().anyMatch(e -> Double.isFinite(e.relativeError()))) {
                Pictures.logChart(problem.id() + ": relative L2 error against time", "t",
                        errors.stream().mapToDouble(EvolutionEvent::time).toArray(),
                        errors.stream().mapToDouble(EvolutionEvent::relativeError).toArray(), directory.resolve("error.png"));
            }
            for (Snapshot s : result.snapshots()) {
                writeSnapshot(problem, s, directory);
            }
        } catch (IOException e) {
            throw new GeopinnException("cannot write results to " + directory + ": " + e.getMessage(), e);
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

    private static void writeSummary(InitialValueProblem problem, EvolutionSettings settings, EvolutionResult result,
            Path file) throws IOException {
        EvolutionEvent last = result.events().get(result.events().size() - 1);
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"problem\": \"").append(problem.id()).append("\",\n");
        b.append("  \"method\": \"neural-ivp\",\n");
        b.append("  \"model\": \"").append(settings.model()).append("\",\n");
        b.append("  \"parameters\": ").append(result.parameterCount()).append(",\n");
        b.append("  \"seed\": ").append(settings.seed()).append(",\n");
        b.append("  \"t\": ").append(json(result.finalState().time())).append(",\n");
        b.append("  \"steps\": ").append(result.finalState().steps()).append(",\n");
        b.append("  \"restarts\": ").append(result.finalState().restarts()).append(",\n");
        b.append("  \"seconds\": ").append(json(last.seconds())).append(",\n");
        b.append("  \"rel_l2\": ").append(json(last.relativeError())).append(",\n");
        b.append("  \"ended\": \"").append(last.message()).append("\",\n");
        b.append("  \"settings\": {");
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : settings.asMap().entrySet()) {
            Object v = e.getValue();
            String text = v instanceof double[] d ? java.util.Arrays.toString(d)
                    : v instanceof int[] i ? java.util.Arrays.toString(i) : String.valueOf(v);
            entries.add("\"" + e.getKey() + "\": \"" + text + "\"");
        }
        settings.modelOptions().forEach((k, v) -> entries.add("\"model." + k + "\": \"" + v + "\""));
        b.append(String.join(", ", entries)).append("}\n}\n");
        Files.writeString(file, b.toString());
    }

    private static String json(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static void writeSnapshot(InitialValueProblem problem, Snapshot s, Path directory) throws IOException {
        int d = problem.lower().length;
        double[] lo = problem.lower();
        double[] hi = problem.upper();
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
        writeVtk(directory.resolve(stem + ".vtk"), s.time(), lo, hi, fields, u, exact, n);
        List<Pictures.Panel> panels = new ArrayList<>();
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
            String at = String.format(Locale.ROOT, " at t=%.3f", s.time());
            panels.add(new Pictures.Panel(fields.get(q) + " (network)" + at, mine, GRID, GRID, -amplitude, amplitude));
            if (exact != null) {
                panels.add(new Pictures.Panel(fields.get(q) + " (reference)", theirs, GRID, GRID, -amplitude, amplitude));
                panels.add(new Pictures.Panel("network - reference", error, GRID, GRID, -worst, worst));
            }
        }
        Pictures.heatMaps(panels, 3, directory.resolve(stem + ".png"));
    }

    private static void writeVtk(Path file, double t, double[] lo, double[] hi, List<String> fields, double[] u,
            double[] exact, int n) throws IOException {
        int f = fields.size();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("# vtk DataFile Version 3.0");
            w.println("geopinn neural-ivp t=" + t);
            w.println("ASCII");
            w.println("DATASET STRUCTURED_POINTS");
            w.println("DIMENSIONS " + GRID + " " + GRID + " 1");
            w.println("ORIGIN " + lo[0] + " " + lo[1] + " 0");
            w.println("SPACING " + (hi[0] - lo[0]) / (GRID - 1) + " " + (hi[1] - lo[1]) / (GRID - 1) + " 1");
            w.println("POINT_DATA " + n);
            for (int q = 0; q < f; q++) {
                scalars(w, fields.get(q), u, q * n, 1, n);
                if (exact != null) {
                    scalars(w, fields.get(q) + "_reference", exact, q, f, n);
                }
            }
        }
    }

    private static void scalars(PrintWriter w, String name, double[] data, int offset, int stride, int n) {
        w.println("SCALARS " + name + " double 1");
        w.println("LOOKUP_TABLE default");
        for (int i = 0; i < n; i++) {
            w.println(data[offset + i * stride]);
        }
    }
}
