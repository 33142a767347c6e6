package org.geopinn.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.solution.TrainedSolution;

/**
 * {@code load DIR [--at X,Y;X,Y]}: loads the trained solution of a results directory into this
 * host (no training) and prints its fields at the given points, or at the centre of the domain.
 */
final class LoadCommand {
    private final Services services;
    private final PrintStream out;

    LoadCommand(Services services, PrintStream out, PrintStream err) {
        this.services = services;
        this.out = out;
    }

    int run(List<String> args) {
        Options o = Options.parse(args, Set.of("at"), Set.of());
        if (o.positional().size() != 1) {
            throw new GeopinnException("usage: load DIR [--at X,Y;X,Y]");
        }
        Path dir = Path.of(o.positional().get(0)).toAbsolutePath();
        services.awaitReady();
        SavedSolution.Loaded loaded = SavedSolution.load(dir, services::modelFactory, r -> ExportCommand.problem(services, r));
        TrainedSolution s = loaded.solution();
        RunRecord rec = loaded.record();
        int d = s.variables().size();
        double[] points = o.has("at") ? points(o.get("at"), d) : centre(rec);
        int n = points.length / d;
        out.println("loaded " + rec.problem() + " from " + dir + ": model " + rec.modelId() + " " + java.util.Arrays.toString(rec.spec().hidden())
                + " " + rec.spec().activation() + ", " + rec.steps() + " steps; fields " + s.fields() + " of " + s.variables());
        double[] values = new double[s.fields().size() * n];
        s.evaluate(points, n, DerivativeRequest.valuesOnly(d), values);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder("  at (");
            for (int j = 0; j < d; j++) {
                b.append(j > 0 ? ", " : "").append(s.variables().get(j)).append('=').append(points[i * d + j]);
            }
            b.append(')');
            for (int f = 0; f < s.fields().size(); f++) {
                b.append(String.format(Locale.ROOT, "  %s = %.10g", s.fields().get(f), values[f * n + i]));
            }
            out.println(b);
        }
        return 0;
    }

    private static double[] centre(RunRecord rec) {
        double[] lo = rec.spec().inputLower();
        double[] hi = rec.spec().inputUpper();
        double[] c = new double[lo.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = 0.5 * (lo[j] + hi[j]);
        }
        return c;
    }

    private static double[] points(String text, int d) {
        List<Double> v = new ArrayList<>();
        for (String p : text.split(";")) {
            String[] xs = p.split(",");
            if (xs.length != d) {
                throw new GeopinnException("--at: point '" + p.trim() + "' needs " + d + " coordinates");
            }
            for (String x : xs) {
                try {
                    v.add(Double.parseDouble(x.trim()));
                } catch (NumberFormatException e) {
                    throw new GeopinnException("--at: '" + x.trim() + "' is not a number");
                }
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
