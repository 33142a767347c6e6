package org.geopinn.reproductions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.session.Command;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ./geopinn diagnose ad-vs-fd|coupling|collocation|green [options]}: the reproductions of this
 * bundle, run on the real problems, models, operators, samplers and diagnostics.
 * Results (markdown table, CSV, PNG) go to {@code --out}, by default
 * {@code <geopinn.home>/docs/img/diagnostics}.
 */
@Component(service = Command.class, property = {"geopinn.id=diagnose", "geopinn.description=Reproductions: AD versus FD (Chen et al., 2024), coupling and preconditioned NTK (coupling study, 2026), the natural gradient as a Green function and learned collocation points (Schwencke and Furtlehner, 2025)"})
public final class DiagnoseCommand implements Command {
    private static final String USAGE = "usage: diagnose ad-vs-fd [--out DIR] [--seed S] [--sizes 100,150,200,250,300] [--side 64] [--features2d 100] [--biharmonic 500]"
            + " | diagnose coupling [--out DIR] [--seed S] [--width 16] [--points 24] [--gammas 0.1,0.3,1,3,10,30,100] [--cutoff C]"
            + " | diagnose collocation [--out DIR] [--problem laplace2d] [--width 16] [--points 64] [--learn-cutoff 1e-6|adaptive] [--kernel tangent|natural] [--warmup 5] [--learning-steps 20]"
            + " [--seeds 2] [--steps 0,10,20,40] [--every 10] [--round-steps 3]"
            + " | diagnose green [--out DIR] [--seed S] [--cases poisson1d,laplace2d] [--widths 4,8,16,32,64] [--train-width 16] [--steps 0,1,2,5,10,20] [--cutoff 1.5e-8]";

    private Path home = Path.of(System.getProperty("user.dir"));
    /** Problems by id: the Problem services in a framework, the library's classes without one. */
    private java.util.function.Function<String, org.geopinn.api.problem.Problem> problems = DiagnoseCommand::libraryProblem;
    /** Diagnostics by id: the Diagnostic services in a framework, the diagnostics bundle's classes without one. */
    private java.util.function.Function<String, Diagnostic> diagnostics = DiagnoseCommand::libraryDiagnostic;

    /** @param context the bundle context, read for the {@code geopinn.home} launch property */
    @Activate
    void activate(BundleContext context) {
        String h = context.getProperty("geopinn.home");
        if (h != null && !h.isBlank()) {
            home = Path.of(h);
        }
        problems = id -> service(context, org.geopinn.api.problem.Problem.class, "problem", id);
        diagnostics = id -> service(context, Diagnostic.class, "diagnostic", id);
    }

    private static <S> S service(BundleContext context, Class<S> kind, String what, String id) {
        try {
            var refs = context.getServiceReferences(kind, "(geopinn.id=" + id + ")");
            if (refs.isEmpty()) {
                throw new GeopinnException("no " + what + " '" + id + "' is installed");
            }
            return context.getService(refs.iterator().next());
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new GeopinnException("bad " + what + " id '" + id + "'");
        }
    }

    /** Without a framework: the diagnostics bundle's classes, found by name (their package is not exported). */
    private static Diagnostic libraryDiagnostic(String id) {
        String name = switch (id) {
            case "ntk" -> "NtkDiagnostic";
            case "pntk" -> "PreconditionedNtkDiagnostic";
            default -> throw new IllegalArgumentException(id);
        };
        try {
            return (Diagnostic) Class.forName("org.geopinn.diagnostics.internal." + name).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new GeopinnException("the diagnostics bundle is not on the class path: " + e);
        }
    }

    /** Without a framework: the problems library's classes, found by name so the bundle does not import them. */
    private static org.geopinn.api.problem.Problem libraryProblem(String id) {
        String name = switch (id) {
            case "laplace2d" -> "Laplace2d";
            case "heat" -> "Heat";
            case "burgers" -> "Burgers";
            case "allen-cahn" -> "AllenCahn";
            case "poisson2d" -> "Poisson2d";
            default -> throw new GeopinnException("--problem: use laplace2d, heat, burgers, allen-cahn or poisson2d, got '" + id + "'");
        };
        try {
            return (org.geopinn.api.problem.Problem) Class.forName("org.geopinn.problems.library." + name).getMethod("define").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new GeopinnException("the problems library is not on the class path: " + e);
        }
    }

    @Override
    public String name() {
        return "diagnose";
    }

    @Override
    public String summary() {
        return "reproduce Chen, Yang, Xiang & Hao (2024) (ad-vs-fd), the coupling study (2026) (coupling), the natural gradient as a Green's function (green) or learned collocation points (collocation): tables and plots";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            if (args.isEmpty()) {
                err.println("diagnose: say which reproduction to run; " + USAGE);
                return 2;
            }
            if (args.get(0).equals("--help") || args.get(0).equals("help")) {
                out.println(USAGE);
                return 0;
            }
            String what = args.get(0);
            Map<String, String> o = parse(args.subList(1, args.size()), what);
            Path folder = o.containsKey("out") ? home.resolve(o.get("out")) : home.resolve("docs/img/diagnostics");
            long seed = (long) number(o, "seed", 0);
            long start = System.nanoTime();
            if (what.equals("ad-vs-fd")) {
                AdVsFdExperiment experiment = new AdVsFdExperiment(seed);
                List<AdVsFdExperiment.Outcome> outcomes = new ArrayList<>();
                for (double n : list(o, "sizes", new double[] {100, 150, 200, 250, 300})) {
                    outcomes.add(experiment.run(experiment.poisson1d(whole(n, "sizes"))));
                }
                outcomes.add(experiment.run(experiment.poisson2d(whole(number(o, "side", 64), "side"), whole(number(o, "features2d", 100), "features2d"))));
                outcomes.add(experiment.run(experiment.biharmonic(whole(number(o, "biharmonic", 500), "biharmonic"))));
                AdVsFdExperiment.write(outcomes, folder, out);
            } else if (what.equals("collocation")) {
                collocation(o, folder, out);
            } else if (what.equals("green")) {
                green(o, folder, seed, out);
            } else {
                double cutoff = number(o, "cutoff", Double.NaN);
                if (!Double.isNaN(cutoff) && !(cutoff >= 0 && cutoff < 1)) {
                    throw new GeopinnException("--cutoff must satisfy 0 <= cutoff < 1, got " + cutoff);
                }
                CouplingExperiment experiment = new CouplingExperiment(seed, whole(number(o, "width", 16), "width"), whole(number(o, "points", 24), "points"), cutoff,
                        diagnostics.apply("ntk"), diagnostics.apply("pntk"));
                double[] gammas = list(o, "gammas", new double[] {0.1, 0.3, 1, 3, 10, 30, 100});
                for (double g : gammas) {
                    if (!(g > 0)) {
                        throw new GeopinnException("couplings --gammas must be positive, got " + g);
                    }
                }
                experiment.write(experiment.run(gammas), folder, out);
            }
            out.printf("wrote %s (%.1f s)%n", folder, (System.nanoTime() - start) * 1e-9);
            return 0;
        } catch (GeopinnException e) {
            err.println("diagnose: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> parse(List<String> args, String what) {
        Set<String> allowed = switch (what) {
            case "ad-vs-fd" -> Set.of("out", "seed", "sizes", "side", "features2d", "biharmonic");
            case "coupling" -> Set.of("out", "seed", "width", "points", "gammas", "cutoff");
            case "collocation" -> Set.of("out", "problem", "width", "points", "learn-cutoff", "warmup", "learning-steps", "seeds", "steps", "every", "round-steps", "kernel");
            case "green" -> Set.of("out", "seed", "cases", "widths", "train-width", "steps", "cutoff");
            default -> throw new GeopinnException("unknown reproduction '" + what + "'; use ad-vs-fd, coupling, collocation or green");
        };
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || !allowed.contains(a.substring(2))) {
                throw new GeopinnException("unknown option '" + a + "' for diagnose " + what + "; options are --" + String.join(", --", allowed.stream().sorted().toList()));
            }
            if (i + 1 >= args.size()) {
                throw new GeopinnException("option " + a + " needs a value");
            }
            o.put(a.substring(2), args.get(++i));
        }
        return o;
    }

    /** Learned collocation: projection residual against learning steps, point clouds, accuracy against other point choices. */
    private void collocation(Map<String, String> o, Path folder, PrintStream out) {
        // "adaptive": the learner picks its cut-off on held-out reference points at every learning run
        double cutoff = "adaptive".equals(o.get("learn-cutoff")) ? Double.NaN : number(o, "learn-cutoff", 1e-6);
        if (!(Double.isNaN(cutoff) || cutoff >= 0 && cutoff < 1)) {
            throw new GeopinnException("--learn-cutoff must be 'adaptive' or satisfy 0 <= cutoff < 1, got " + cutoff);
        }
        org.geopinn.api.problem.Problem problem = problems.apply(o.getOrDefault("problem", "laplace2d"));
        if (problem.domain().dimension() != 2) {
            throw new GeopinnException("--problem: diagnose collocation draws 2-D point clouds; '" + problem.id() + "' has " + problem.domain().dimension() + " variables");
        }
        String kernel = o.getOrDefault("kernel", "tangent");
        if (!kernel.equals("natural") && !kernel.equals("tangent")) {
            throw new GeopinnException("--kernel must be natural or tangent, got '" + kernel + "'");
        }
        CollocationExperiment e = new CollocationExperiment(problem, whole(number(o, "width", 16), "width"), whole(number(o, "points", 64), "points"),
                cutoff, kernel.equals("natural"));
        int warmup = (int) number(o, "warmup", 5);
        if (warmup < 0) {
            throw new GeopinnException("--warmup must not be negative, got " + warmup);
        }
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        PrintStream md = new PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8);
        e.writeLearning(e.learning(warmup, whole(number(o, "learning-steps", 20), "learning-steps"), 0), folder, md);
        double[] cpList = list(o, "steps", new double[] {0, 10, 20, 40});
        int[] cps = new int[cpList.length];
        for (int i = 0; i < cps.length; i++) {
            cps[i] = cpList[i] == 0 ? 0 : whole(cpList[i], "steps");
            if (i > 0 && cps[i] <= cps[i - 1]) {
                throw new GeopinnException("--steps must be increasing, got " + o.get("steps"));
            }
        }
        int seeds = (int) number(o, "seeds", 2);
        if (seeds < 0 || seeds != number(o, "seeds", 2)) {
            throw new GeopinnException("--seeds must be a whole number >= 0 (0: the learning run only), got " + o.get("seeds"));
        }
        int every = whole(number(o, "every", 10), "every");
        int roundSteps = whole(number(o, "round-steps", 3), "round-steps");
        if (seeds > 0) {
            CollocationExperiment.table(problem.id() + ": relative L2 error, median (range) over " + seeds + " seeds, damped natural gradient",
                    CollocationExperiment.compare(e, seeds, cps, every, roundSteps), md);
        }
        String report = text.toString(java.nio.charset.StandardCharsets.UTF_8);
        try {
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.writeString(folder.resolve("collocation-" + problem.id() + ".md"), report);
        } catch (java.io.IOException ex) {
            throw new GeopinnException("cannot write " + folder + ": " + ex.getMessage(), ex);
        }
        out.print(report);
    }

    /** The Green's function study: distance for growing width, then along training, per case. */
    private static void green(Map<String, String> o, Path folder, long seed, PrintStream out) {
        double cutoff = number(o, "cutoff", Math.sqrt(Math.ulp(1.0)));
        if (!(cutoff >= 0 && cutoff < 1)) {
            throw new GeopinnException("--cutoff must satisfy 0 <= cutoff < 1, got " + cutoff);
        }
        double[] widthList = list(o, "widths", new double[] {4, 8, 16, 32, 64});
        int[] widths = new int[widthList.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = whole(widthList[i], "widths");
        }
        int trainWidth = whole(number(o, "train-width", 16), "train-width");
        double[] stepList = list(o, "steps", new double[] {0, 1, 2, 5, 10, 20});
        int[] steps = new int[stepList.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = stepList[i] == 0 ? 0 : whole(stepList[i], "steps");
            if (i > 0 && steps[i] <= steps[i - 1]) {
                throw new GeopinnException("--steps must be increasing, got " + o.get("steps"));
            }
        }
        GreenExperiment experiment = new GreenExperiment(seed, cutoff);
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        PrintStream tables = new PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8);
        for (String id : o.getOrDefault("cases", "poisson1d,laplace2d").split(",")) {
            GreenExperiment.Case c = switch (id.trim()) {
                case "poisson1d" -> GreenExperiment.poisson1d();
                case "laplace2d" -> GreenExperiment.laplace2d();
                default -> throw new GeopinnException("--cases: unknown case '" + id + "'; use poisson1d, laplace2d");
            };
            GreenExperiment.table(c.title() + ", at initialisation, growing width", experiment.widths(c, widths), c, tables);
            GreenExperiment.table(c.title() + ", width " + trainWidth + ", natural-gradient training of u = Π sin πx_j",
                    experiment.training(c, trainWidth, steps, folder), c, tables);
        }
        String md = text.toString(java.nio.charset.StandardCharsets.UTF_8);
        try {
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.writeString(folder.resolve("green.md"), md);
        } catch (java.io.IOException e) {
            throw new GeopinnException("cannot write " + folder.resolve("green.md") + ": " + e.getMessage(), e);
        }
        out.print(md);
    }

    private static double number(Map<String, String> o, String key, double fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new GeopinnException("--" + key + " must be a number, got '" + v + "'");
        }
    }

    private static double[] list(Map<String, String> o, String key, double[] fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Arrays.stream(v.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new GeopinnException("--" + key + " must be a comma-separated list of numbers, got '" + v + "'");
        }
    }

    private static int whole(double v, String key) {
        if (v < 1 || v != Math.rint(v) || v > 100_000) {
            throw new GeopinnException("--" + key + " must be a whole number from 1 to 100000, got " + v);
        }
        return (int) v;
    }

    /**
     * Runs the command without a framework (for scripts and benchmarks):
     * {@code java -cp … org.geopinn.reproductions.DiagnoseCommand ad-vs-fd}. The output folder is
     * resolved against the system property {@code geopinn.home} or the working directory.
     *
     * @param args as after {@code ./geopinn diagnose}
     */
    public static void main(String[] args) {
        DiagnoseCommand command = new DiagnoseCommand();
        String h = System.getProperty("geopinn.home");
        if (h != null) {
            command.home = Path.of(h);
        }
        System.exit(command.run(List.of(args), System.out, System.err));
    }
}
