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
import java.util.Random;
import org.geopinn.api.evolution.EvolutionEvent;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.evolution.problems.Advection2d;
import org.geopinn.evolution.problems.Advection5d;
import org.geopinn.evolution.problems.Heat2d;
import org.geopinn.evolution.problems.OrnsteinUhlenbeck10d;
import org.geopinn.evolution.problems.OrnsteinUhlenbeck20d;
import org.geopinn.evolution.problems.OrnsteinUhlenbeck2d;
import org.geopinn.evolution.problems.OrnsteinUhlenbeck5d;
import org.geopinn.evolution.problems.Wave2d;
import org.geopinn.evolution.problems.Wave2dModulated;
import org.geopinn.models.StandardModels;

/**
 * Benchmarks of Neural IVP (not tests; see docs/EVOLUTION.md for the command):
 * <ul>
 * <li>{@code errors OUT [PROBLEM…] [key=value…]}: error against time up to t-end for each problem,
 * written to OUT/errors-PROBLEM.csv (one line per event), and the run's results (snapshots as
 * CSV/VTK/PNG, error.png) to OUT/PROBLEM/;</li>
 * <li>{@code charts OUT errors-PROBLEM.csv…}: error.png and solver.png of a run's events (also of a
 * run stopped early) to OUT/PROBLEM-error.png and OUT/PROBLEM-solver.png;</li>
 * <li>{@code budget OUT PROBLEM at=τ1,τ2… ns=N1,N2… [mus=μ1,μ2…] [solvers=cg,dense] [key=value…]}: the projection residual in and out of
 * sample along the exact trajectory ({@link ProjectionBudget}), appended to OUT/budget.csv;</li>
 * <li>{@code compare OUT/FILE.png TITLE LABEL=errors-PROBLEM.csv…}: the error against time of several runs
 * (say, network sizes) in one chart;</li>
 * <li>{@code profile OUT PROBLEM [reps=N] [key=value…]}: seconds of each part of one time-step stage
 * ({@link StageProfile}), appended to OUT/profile.csv;</li>
 * <li>{@code cost OUT [key=value…]}: seconds per time-step stage (preconditioner build + CG solve
 * at a fixed iteration count) against the number of parameters, 1e3 to 1e5, to OUT/cost.csv.</li>
 * </ul>
 */
public final class EvolutionBenchmark {
    private EvolutionBenchmark() {
    }

    /** @param args see the class comment @throws IOException if OUT cannot be written */
    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        if (args.length < 2) {
            System.err.println("usage: EvolutionBenchmark errors|cost OUT [PROBLEM...] [key=value...]");
            System.exit(2);
        }
        if (args[0].equals("compare")) {
            compare(Path.of(args[1]), args[2], java.util.Arrays.copyOfRange(args, 3, args.length));
            return;
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        List<String> problems = new ArrayList<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq > 0) {
                overrides.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            } else {
                problems.add(args[i]);
            }
        }
        if (args[0].equals("charts")) {
            for (int i = 2; i < args.length; i++) {
                charts(out, Path.of(args[i]));
            }
            return;
        }
        if (args[0].equals("budget")) {
            double[] at = java.util.Arrays.stream(overrides.remove("at").split(",")).mapToDouble(Double::parseDouble).toArray();
            int[] ns = java.util.Arrays.stream(overrides.remove("ns").split(",")).mapToInt(Integer::parseInt).toArray();
            String muList = overrides.remove("mus");
            String solverList = overrides.remove("solvers");
            InitialValueProblem problem = problem(problems.get(0));
            EvolutionSettings base = EvolutionSettings.defaults().with(problem.defaults()).with(overrides);
            double[] mus = muList == null ? new double[] {base.mu()}
                    : java.util.Arrays.stream(muList.split(",")).mapToDouble(Double::parseDouble).toArray();
            ProjectionBudget.measure(out.resolve("budget.csv"), problem,
                    base, at, ns, mus, solverList == null ? new String[] {base.solver()} : solverList.split(","));
            return;
        }
        if (args[0].equals("profile")) {
            profile(out, problems.get(0), overrides);
            return;
        }
        if (args[0].equals("errors")) {
            errors(out, problems.isEmpty() ? List.of("heat2d", "advection2d", "wave2d", "advection5d") : problems, overrides);
        } else {
            cost(out, overrides);
        }
    }

    static InitialValueProblem problem(String id) {
        switch (id) {
            case "heat2d": return new Heat2d();
            case "advection2d": return new Advection2d();
            case "wave2d": return new Wave2d();
            case "advection5d": return new Advection5d();
            case "wave2d-modulated": return new Wave2dModulated();
            case "fokker-planck2d": return new OrnsteinUhlenbeck2d();
            case "fokker-planck5d": return new OrnsteinUhlenbeck5d();
            case "fokker-planck10d": return new OrnsteinUhlenbeck10d();
            case "fokker-planck20d": return new OrnsteinUhlenbeck20d();
            default: throw new IllegalArgumentException("unknown problem " + id);
        }
    }

    private static void errors(Path out, List<String> ids, Map<String, String> overrides) throws IOException {
        NeuralIvpService service = TestPoints.service();
        for (String id : ids) {
            InitialValueProblem problem = problem(id);
            EvolutionSettings settings = EvolutionSettings.defaults().with(problem.defaults()).with(overrides);
            Path file = out.resolve("errors-" + id + ".csv");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
                w.println("kind,step,t,dt,cg_iterations,cg_residual,pde_residual,error_estimate,rel_l2,restarts,seconds");
                EvolutionResult r = service.evolve(problem, settings, null, e -> {
                    String line = String.format("%s,%d,%.6g,%.4g,%d,%.3g,%.3g,%.3g,%.4g,%d,%.2f", e.kind(), e.step(),
                            e.time(), e.stepSize(), e.cgIterations(), e.cgResidual(), e.residual(), e.errorEstimate(),
                            e.relativeError(), e.restarts(), e.seconds());
                    w.println(line);
                    w.flush();
                    if (e.kind() != EvolutionEvent.Kind.SNAPSHOT) {
                        System.out.println(id + " " + line + (e.message().isEmpty() ? "" : "  " + e.message()));
                    }
                });
                ResultWriter.write(problem, settings, r, out.resolve(id));
                System.out.println(id + ": P = " + r.parameterCount() + ", final rel L2 = "
                        + r.events().get(r.events().size() - 1).relativeError());
            }
        }
    }

    private static void compare(Path png, String title, String[] runs) throws IOException {
        List<org.geopinn.reporting.LineChart.Series> series = new ArrayList<>();
        for (String run : runs) {
            int eq = run.indexOf('=');
            List<EvolutionEvent> errors = read(Path.of(run.substring(eq + 1))).stream()
                    .filter(e -> (e.kind() == EvolutionEvent.Kind.STEP || e.kind() == EvolutionEvent.Kind.FITTED)
                            && Double.isFinite(e.relativeError())).toList();
            series.add(org.geopinn.reporting.LineChart.Series.line(run.substring(0, eq),
                    errors.stream().mapToDouble(EvolutionEvent::time).toArray(),
                    errors.stream().mapToDouble(EvolutionEvent::relativeError).toArray()));
        }
        org.geopinn.reporting.LineChart.write(org.geopinn.reporting.LineChart.Axes.of(title, "t", "relative L2 error", true),
                series, png);
    }

    private static List<EvolutionEvent> read(Path csv) throws IOException {
        List<EvolutionEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] c = line.split(",");
            if (c[0].equals("kind")) {
                continue;
            }
            events.add(new EvolutionEvent(EvolutionEvent.Kind.valueOf(c[0]), Integer.parseInt(c[1]), Double.parseDouble(c[2]),
                    Double.parseDouble(c[3]), Integer.parseInt(c[4]), Double.parseDouble(c[5]), Double.parseDouble(c[6]),
                    Double.parseDouble(c[7]), Double.parseDouble(c[8]), Integer.parseInt(c[9]), Double.parseDouble(c[10]), ""));
        }
        return events;
    }

    private static void charts(Path out, Path csv) throws IOException {
        List<EvolutionEvent> events = read(csv);
        String id = csv.getFileName().toString().replaceFirst("^errors-", "").replaceFirst("\\.csv$", "");
        ResultWriter.errorChart(id, events, out.resolve(id + "-error.png"));
        ResultWriter.solverChart(id, events, out.resolve(id + "-solver.png"));
    }

    private static void profile(Path out, String id, Map<String, String> overrides) throws IOException {
        String reps = overrides.remove("reps");
        InitialValueProblem problem = problem(id);
        EvolutionSettings settings = EvolutionSettings.defaults().with(problem.defaults()).with(overrides);
        Model model = StandardModels.create(settings.model(), NeuralIvpService.modelSpec(problem, settings));
        Map<String, Double> parts = StageProfile.measure(problem, model, settings, reps == null ? 3 : Integer.parseInt(reps));
        Path file = out.resolve("profile.csv");
        boolean header = !Files.exists(file);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND))) {
            if (header) {
                w.println("problem,hidden,parameters,samples,solver,part,seconds");
            }
            String hidden = java.util.Arrays.stream(settings.hidden()).mapToObj(String::valueOf)
                    .collect(java.util.stream.Collectors.joining("x"));
            double total = 0;
            for (Map.Entry<String, Double> e : parts.entrySet()) {
                String line = String.format("%s,%s,%d,%d,%s,%s,%.4f", id, hidden, model.parameterCount(),
                        settings.samples(), settings.solver(), e.getKey(), e.getValue());
                System.out.println(line);
                w.println(line);
                total += e.getValue();
            }
            System.out.printf("stage total %.4f s%n", total);
        }
    }

    private static void cost(Path out, Map<String, String> overrides) throws IOException {
        EvolutionSettings settings = EvolutionSettings.defaults().with(overrides);
        InitialValueProblem problem = new Heat2d();
        int cgIterations = 50;
        int[] widths = {20, 45, 90, 170, 310};
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("cost.csv")))) {
            w.println("width,parameters,samples,rank,cg_iterations,seconds_preconditioner,seconds_cg,seconds_stage");
            for (int width : widths) {
                ModelSpec spec = NeuralIvpService.modelSpec(problem, settings.with(Map.of("hidden", width + "," + width)));
                Model model = StandardModels.create("sinusoidal-mlp", spec);
                ParameterVelocityTiming timing = ParameterVelocityTiming.measure(problem, model, settings, cgIterations,
                        new Random(settings.seed()));
                String line = String.format("%d,%d,%d,%d,%d,%.4f,%.4f,%.4f", width, model.parameterCount(),
                        settings.samples(), settings.rank(), cgIterations, timing.preconditionerSeconds(),
                        timing.cgSeconds(), timing.preconditionerSeconds() + timing.cgSeconds());
                System.out.println(line);
                w.println(line);
                w.flush();
            }
        }
    }
}
