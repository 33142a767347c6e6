package org.geopinn.shell;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.ResultExporter;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingService;
import org.geopinn.cli.solve.CheckpointSchedule;
import org.geopinn.cli.solve.SolvePlan;
import org.geopinn.cli.solve.SolvePlanner;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@code geopinn:} commands of the Gogo shell, mirroring {@code ./geopinn}: list what the
 * framework offers, start sessions in the background, watch them, swap their optimizer, stop them,
 * export their results, run diagnostics. Each command returns its output as text; bad input throws
 * a {@link CommandError} that the shell prints as one line. {@code geopinn:solve} reads the options
 * of {@code ./geopinn solve} through the CLI's {@link SolvePlanner}, so both accept the same words.
 * Every command and parameter carries a Gogo {@link Descriptor}: {@code help geopinn:swap} explains it.
 * What happens later (a session ends, pauses, fails) is announced by {@link SessionAnnouncer}.
 *
 * <p>The services are optional and dynamic: the commands stay available while the engine or the
 * exporter come and go, and say so when one is missing.
 */
@Component(service = GeopinnCommands.class, property = {
    "osgi.command.scope=geopinn",
    "osgi.command.function=list", "osgi.command.function=solve", "osgi.command.function=status",
    "osgi.command.function=swap", "osgi.command.function=pause", "osgi.command.function=resume",
    "osgi.command.function=stop", "osgi.command.function=export", "osgi.command.function=diagnose",
    "osgi.command.function=sweep",
    "geopinn.id=shell"})
public class GeopinnCommands {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Catalog catalog;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TrainingService training;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ResultExporter exporter;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SolvePlanner planner;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(geopinn.id=sweep)")
    private volatile org.geopinn.api.session.Command sweeper;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(geopinn.id=export)")
    private volatile org.geopinn.api.session.Command fileExporter;

    private final Path home;

    /** @param context the bundle context, for the {@code geopinn.home} launch property */
    @Activate
    public GeopinnCommands(BundleContext context) {
        String h = context.getProperty("geopinn.home");
        this.home = Path.of(h == null ? "" : h).toAbsolutePath();
    }

    /** @return the problems, models, engines, samplers, optimizers, weightings, diagnostics and commands found */
    @Descriptor("list the problems, models, engines, samplers, optimizers, weightings, diagnostics and commands of this host,"
            + " each with the bundle that provides it")
    public String list() {
        return run(this::listNow);
    }

    private String listNow() {
        Map<String, List<Catalog.Entry>> entries = need(catalog, "catalog").entries();
        StringBuilder out = new StringBuilder();
        entries.forEach((kind, list) -> {
            out.append(kind).append(" (").append(list.size()).append(")\n");
            for (Catalog.Entry e : list) {
                out.append(String.format(Locale.ROOT, "  %-16s %s  [%s]%n", e.id(), e.description(), e.bundle()));
            }
        });
        return out.toString();
    }

    /**
     * @param args {@code PROBLEM [--option value]…}, the options of {@code ./geopinn solve}
     * @return the id of the session started in the background
     */
    @Descriptor("start training in the background with the options of ./geopinn solve (geopinn:solve --help lists them);"
            + " with --out DIR the results are written there when the session ends. Quote a chain with settings:"
            + " --optimizer 'adam(lr=1e-3):500,lbfgs'")
    public String solve(@Descriptor("PROBLEM [--option value]...") String... args) {
        return run(() -> solveNow(args));
    }

    private String solveNow(String... args) {
        SolvePlanner p = need(planner, "solve planner (bundle org.geopinn.cli)");
        if (args.length == 0 || Arrays.asList(args).contains("--help")) {
            return "usage: geopinn:solve PROBLEM [options]\n" + p.options() + "\n";
        }
        SolvePlan plan = p.plan(fromHome(args));
        Session s = need(training, "training engine").start(plan.spec());
        if (plan.outGiven()) {
            writeWhenEnded(s, plan, p);
        }
        return "session " + s.id() + " started: problem " + s.spec().problemId() + ", optimizer " + s.optimizerId()
                + (plan.outGiven() ? ", results to " + plan.out() + " when it ends" : "")
                + " (geopinn:status " + s.id() + " to watch it)";
    }

    @Descriptor("run every run of a sweep file in the background, as ./geopinn sweep does (docs/CLI.md): a line per finished run,"
            + " results and one table in runs/sweep-NAME; the same command again resumes it")
    public String sweep(@Descriptor("FILE [--out DIR] [--parallel N] [--local]") String... args) {
        return run(() -> sweepNow(args));
    }

    private String sweepNow(String... args) {
        org.geopinn.api.session.Command c = need(sweeper, "sweep command (bundle org.geopinn.cli)");
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new GeopinnException("usage: geopinn:sweep FILE [--out DIR] [--parallel N] [--local]");
        }
        List<String> words = fromHome(args);
        Path file = home.resolve(words.get(0));
        words.set(0, file.toString());
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new GeopinnException("sweep file " + file + " does not exist");
        }
        // the console may be replaced while the sweep runs: each line goes to the current one
        java.io.PrintStream console = new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
            }

            @Override
            public void flush() {
                System.out.flush();
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8);
        Thread t = new Thread(() -> {
            int code = c.run(words, console, console);
            SessionAnnouncer.say("geopinn: sweep " + file.getFileName() + (code == 0 ? " done" : " ended with exit code " + code));
        }, "geopinn-shell-sweep");
        t.setDaemon(true);
        t.start();
        return "sweep " + file + " started in the background; a line per finished run follows";
    }

    /** @return the words with relative {@code --out}, {@code --resume} and {@code --start-from} folders taken from the Geopinn home, as export does */
    private List<String> fromHome(String... args) {
        List<String> words = new java.util.ArrayList<>(Arrays.asList(args));
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            for (String option : List.of("--out", "--resume", "--start-from")) {
                if (w.equals(option) && i + 1 < words.size()) {
                    words.set(i + 1, home.resolve(words.get(i + 1)).toString());
                } else if (w.startsWith(option + "=")) {
                    words.set(i, option + "=" + home.resolve(w.substring(option.length() + 1)));
                }
            }
        }
        return words;
    }

    /**
     * Writes the results directory named by --out once the session has ended, and says so; while it
     * trains, a checkpoint every {@code --checkpoint-every} seconds (as {@code ./geopinn solve}
     * does), so that a host killed without warning leaves the last one to resume.
     */
    private static void writeWhenEnded(Session s, SolvePlan plan, SolvePlanner p) {
        Thread t = new Thread(() -> {
            try {
                CheckpointSchedule checkpoints = new CheckpointSchedule(s, plan.checkpointEvery(), () -> p.checkpoint(s, plan),
                        why -> SessionAnnouncer.say("geopinn: session " + s.id() + ": a checkpoint could not be written to " + plan.out()
                                + ", training goes on (the results are written at the end): " + why));
                while (!s.await(java.time.Duration.ofSeconds(1)).isTerminal()) { // a session may train for hours
                    checkpoints.writeIfDue();
                }
                SessionAnnouncer.say("geopinn: session " + s.id() + " results written to " + p.write(s, plan));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (GeopinnException | IllegalStateException e) {
                SessionAnnouncer.say("geopinn: session " + s.id() + " results not written to " + plan.out() + ": " + e.getMessage());
            }
        }, "geopinn-shell-results-" + s.id());
        t.setDaemon(true);
        t.start();
    }

    /**
     * @param ids session ids; none for every session
     * @return one line per session: id, state, problem, optimizer, step, loss, error, message
     */
    @Descriptor("one line per session: id, state, problem, optimizer, step, loss, relative L2 error, message")
    public String status(@Descriptor("session ids; none for every session") String... ids) {
        return run(() -> statusNow(ids));
    }

    private String statusNow(String... ids) {
        List<Session> sessions = ids.length == 0 ? need(training, "training engine").sessions()
                : Arrays.stream(ids).map(this::session).toList();
        if (sessions.isEmpty()) {
            return "no sessions (start one with geopinn:solve PROBLEM [options]; geopinn:solve --help lists the options)";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-8s %-9s %-16s %-10s %8s %12s %10s  %s%n",
                "SESSION", "STATE", "PROBLEM", "OPTIMIZER", "STEP", "LOSS", "REL_L2", "MESSAGE"));
        for (Session s : sessions) {
            TrainingEvent e = s.lastEvent();
            out.append(String.format(Locale.ROOT, "%-8s %-9s %-16s %-10s %8d %12.4e %10s  %s%n", s.id(), s.state(),
                    s.spec().problemId(), s.optimizerId(), e == null ? 0 : e.step(), e == null ? Double.NaN : e.loss(),
                    e == null || Double.isNaN(e.relativeL2()) ? "-" : String.format(Locale.ROOT, "%.3e", e.relativeL2()),
                    s.message() == null ? "" : s.message()));
        }
        return out.toString();
    }

    /**
     * @param sessionId a running session
     * @param optimizer the new optimizer, e.g. {@code lbfgs} or {@code adam(lr=1e-4)}
     * @return a confirmation
     */
    @Descriptor("replace the optimizer of a session between two steps (also of one paused because its optimizer went away);"
            + " the parameters carry over. Quote settings: geopinn:swap s1 'adam(lr=1e-4)'")
    public String swap(@Descriptor("the session id, e.g. s1") String sessionId,
            @Descriptor("the new optimizer: ID or 'ID(key=value;...)'") String optimizer) {
        return run(() -> swapNow(sessionId, optimizer));
    }

    private String swapNow(String sessionId, String optimizer) {
        List<OptimizerStage> stages = OptimizerStage.parseChain(optimizer);
        if (stages.size() != 1) {
            throw new GeopinnException("swap takes one optimizer, not the chain '" + optimizer + "'");
        }
        Session s = session(sessionId);
        s.swapOptimizer(stages.get(0).optimizerId(), stages.get(0).settings());
        return "session " + s.id() + ": optimizer " + stages.get(0).text()
                + (s.state() == org.geopinn.api.session.SessionState.PAUSED ? " takes over when the session resumes"
                        : " takes over after the current step");
    }

    /** @param sessionId a session @return a confirmation */
    @Descriptor("pause a session after its current step")
    public String pause(@Descriptor("the session id") String sessionId) {
        return run(() -> {
            session(sessionId).pause();
            return "session " + sessionId + " pauses after the current step";
        });
    }

    /** @param sessionId a paused session @return a confirmation */
    @Descriptor("resume a paused session (one paused for a missing service resumes when the service is back)")
    public String resume(@Descriptor("the session id") String sessionId) {
        return run(() -> {
            session(sessionId).resume();
            return "session " + sessionId + " resumes";
        });
    }

    /** @param sessionId a session, or {@code all} @return a confirmation */
    @Descriptor("stop a session after its current step; its results stay complete up to that step")
    public String stop(@Descriptor("the session id, or all") String sessionId) {
        return run(() -> stopNow(sessionId));
    }

    private String stopNow(String sessionId) {
        if (sessionId.equals("all")) {
            List<Session> running = need(training, "training engine").sessions().stream()
                    .filter(s -> !s.state().isTerminal()).toList();
            running.forEach(Session::stop);
            return running.size() + " session(s) stop after their current step";
        }
        session(sessionId).stop();
        return "session " + sessionId + " stops after the current step";
    }

    /**
     * @param sessionId a session
     * @param directory the results folder; relative paths are taken from the Geopinn home
     * @return where the results were written
     */
    @Descriptor("SESSION DIR: write a session's results directory (summary.json, history.csv, parameters, pictures);"
            + " DIR --onnx FILE --vtk-xml FILE.vti|FILE.vtu [--resolution N]: a results directory's network as ONNX and its"
            + " fields as VTK XML, as ./geopinn export does")
    public String export(@Descriptor("SESSION DIR, or DIR --onnx FILE --vtk-xml FILE [--resolution N]; relative paths are taken"
            + " from the Geopinn home") String... args) {
        return run(() -> {
            List<String> words = Arrays.asList(args);
            if (words.stream().anyMatch(w -> w.startsWith("--"))) {
                return exportFiles(words);
            }
            if (args.length != 2) {
                throw new GeopinnException("usage: geopinn:export SESSION DIR, or geopinn:export DIR --onnx FILE.onnx"
                        + " --vtk-xml FILE.vti|FILE.vtu [--resolution N]");
            }
            Path written = need(exporter, "result exporter").export(session(args[0]), home.resolve(args[1]));
            return "session " + args[0] + " written to " + written;
        });
    }

    /** ONNX and VTK XML files from a results directory, by the command line's export (same options and messages). */
    private String exportFiles(List<String> words) {
        org.geopinn.api.session.Command c = need(fileExporter, "export command (bundle org.geopinn.cli)");
        List<String> resolved = new java.util.ArrayList<>(words);
        for (int i = 0; i < resolved.size(); i++) {
            String w = resolved.get(i);
            boolean pathValue = i > 0 && (resolved.get(i - 1).equals("--onnx") || resolved.get(i - 1).equals("--vtk-xml"));
            if (pathValue || !w.startsWith("--") && (i == 0 || !resolved.get(i - 1).equals("--resolution"))) {
                resolved.set(i, home.resolve(w).toString());
            }
        }
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = c.run(resolved, out, out);
        String said = text.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        if (code != 0) {
            // the command line's one-line message, without its "geopinn export: " prefix
            throw new GeopinnException(said.startsWith("geopinn export: ") ? said.substring("geopinn export: ".length()) : said);
        }
        return said;
    }

    /**
     * @param sessionId a session
     * @param diagnosticId a diagnostic's id
     * @param options {@code key=value} options of the diagnostic
     * @return the report's scalars and the sizes of its tables
     */
    @Descriptor("run a diagnostic on a session's current parameters between two steps and print its report")
    public String diagnose(@Descriptor("the session id") String sessionId,
            @Descriptor("the diagnostic's id (geopinn:list shows them)") String diagnosticId,
            @Descriptor("key=value options of the diagnostic") String... options) {
        return run(() -> diagnoseNow(sessionId, diagnosticId, options));
    }

    private String diagnoseNow(String sessionId, String diagnosticId, String... options) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new GeopinnException("diagnostic option '" + o + "' is not key=value");
            }
            parsed.put(o.substring(0, eq), o.substring(eq + 1));
        }
        DiagnosticReport r = session(sessionId).diagnose(diagnosticId, parsed);
        StringBuilder out = new StringBuilder(r.title()).append('\n');
        r.scalars().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(
                e -> out.append(String.format(Locale.ROOT, "  %-20s %.6e%n", e.getKey(), e.getValue())));
        r.tables().forEach((name, t) -> out.append("  table ").append(name).append(": ").append(t.rows().size())
                .append(" rows ").append(t.columns()).append('\n'));
        return out.toString();
    }

    /**
     * Runs a command; a user error becomes a {@link CommandError}, which the shell prints as one
     * line {@code geopinn: message}.
     */
    private static String run(java.util.function.Supplier<String> command) {
        try {
            return command.get();
        } catch (GeopinnException e) {
            throw new CommandError(e.getMessage(), e);
        }
    }

    private Session session(String id) {
        TrainingService t = need(training, "training engine");
        return t.session(id).orElseThrow(() -> new GeopinnException("no session '" + id + "'; sessions are "
                + t.sessions().stream().map(Session::id).toList()));
    }

    private static <T> T need(T service, String what) {
        if (service == null) {
            throw new GeopinnException("no " + what + " is running in this host (is the org.geopinn.engine bundle started?)");
        }
        return service;
    }
}
