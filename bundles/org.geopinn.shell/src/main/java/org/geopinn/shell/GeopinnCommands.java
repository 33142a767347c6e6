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
 * a {@link CommandError} that the shell prints as one line.
 *
 * <p>The services are optional and dynamic: the commands stay available while the engine or the
 * exporter come and go, and say so when one is missing.
 */
@Component(service = GeopinnCommands.class, property = {
    "osgi.command.scope=geopinn",
    "osgi.command.function=list", "osgi.command.function=solve", "osgi.command.function=status",
    "osgi.command.function=swap", "osgi.command.function=pause", "osgi.command.function=resume",
    "osgi.command.function=stop", "osgi.command.function=export", "osgi.command.function=diagnose",
    "geopinn.id=shell"})
public class GeopinnCommands {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Catalog catalog;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TrainingService training;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ResultExporter exporter;

    private final Path home;

    /** @param context the bundle context, for the {@code geopinn.home} launch property */
    @Activate
    public GeopinnCommands(BundleContext context) {
        String h = context.getProperty("geopinn.home");
        this.home = Path.of(h == null ? "" : h).toAbsolutePath();
    }

    /** @return the problems, models, engines, samplers, optimizers, weightings, diagnostics and commands found */
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
     * @param args {@code PROBLEM [--option value]…}, see {@link SolveArguments#USAGE}
     * @return the id of the session started in the background
     */
    public String solve(String... args) {
        return run(() -> solveNow(args));
    }

    private String solveNow(String... args) {
        Session s = need(training, "training engine").start(SolveArguments.parse(Arrays.asList(args)));
        return "session " + s.id() + " started: problem " + s.spec().problemId() + ", optimizer " + s.optimizerId()
                + " (geopinn:status " + s.id() + " to watch it)";
    }

    /**
     * @param ids session ids; none for every session
     * @return one line per session: id, state, problem, optimizer, step, loss, error, message
     */
    public String status(String... ids) {
        return run(() -> statusNow(ids));
    }

    private String statusNow(String... ids) {
        List<Session> sessions = ids.length == 0 ? need(training, "training engine").sessions()
                : Arrays.stream(ids).map(this::session).toList();
        if (sessions.isEmpty()) {
            return "no sessions (start one with " + SolveArguments.USAGE + ")";
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
    public String swap(String sessionId, String optimizer) {
        return run(() -> swapNow(sessionId, optimizer));
    }

    private String swapNow(String sessionId, String optimizer) {
        List<OptimizerStage> stages = OptimizerStage.parseChain(optimizer);
        if (stages.size() != 1) {
            throw new GeopinnException("swap takes one optimizer, not the chain '" + optimizer + "'");
        }
        Session s = session(sessionId);
        s.swapOptimizer(stages.get(0).optimizerId(), stages.get(0).settings());
        return "session " + s.id() + ": optimizer " + stages.get(0).text() + " takes over after the current step";
    }

    /** @param sessionId a session @return a confirmation */
    public String pause(String sessionId) {
        return run(() -> {
            session(sessionId).pause();
            return "session " + sessionId + " pauses after the current step";
        });
    }

    /** @param sessionId a paused session @return a confirmation */
    public String resume(String sessionId) {
        return run(() -> {
            session(sessionId).resume();
            return "session " + sessionId + " resumes";
        });
    }

    /** @param sessionId a session, or {@code all} @return a confirmation */
    public String stop(String sessionId) {
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
    public String export(String sessionId, String directory) {
        return run(() -> {
            Path written = need(exporter, "result exporter").export(session(sessionId), home.resolve(directory));
            return "session " + sessionId + " written to " + written;
        });
    }

    /**
     * @param sessionId a session
     * @param diagnosticId a diagnostic's id
     * @param options {@code key=value} options of the diagnostic
     * @return the report's scalars and the sizes of its tables
     */
    public String diagnose(String sessionId, String diagnosticId, String... options) {
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
