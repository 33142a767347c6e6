package org.geopinn.evolution;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.DoubleStream;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.evolution.EvolutionEvent;
import org.geopinn.api.evolution.EvolutionListener;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionService;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.EvolutionState;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.session.Command;
import org.geopinn.reporting.HeatMaps;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code ./geopinn evolve PROBLEM [--KEY VALUE]… [--out DIR] [--resume DIR|FILE] [--frames N]}:
 * runs a Neural IVP, printing one line per time step, and writes the results (see
 * {@link ResultWriter}) and {@code state.txt} for resuming, with {@code model.txt} ({@link SavedModel}), the
 * network's settings a resume continues with. Every {@link EvolutionSettings} key is
 * an option ({@code --t-end 1 --rtol 1e-4 --rank 100 --hidden 64,64 --model.frequencies 6}).
 * Also a Gogo command {@code geopinn:evolve} with the same arguments.
 */
@Component(service = {Command.class, EvolveCommand.class}, property = {"geopinn.id=evolve",
    "geopinn.description=Time evolution of initial-value PDEs by Neural IVP (integrating network parameters)",
    "osgi.command.scope=geopinn", "osgi.command.function=evolve"})
public final class EvolveCommand implements Command {
    private final List<InitialValueProblem> problems = new CopyOnWriteArrayList<>();
    private volatile EvolutionService service;

    /** For Declarative Services. */
    public EvolveCommand() {
    }

    /**
     * For use outside a framework.
     *
     * @param service the evolution service
     * @param available the problems
     */
    public EvolveCommand(EvolutionService service, List<InitialValueProblem> available) {
        this.service = service;
        this.problems.addAll(available);
    }

    /** @param evolutionService the solver */
    @Reference
    void setService(EvolutionService evolutionService) {
        this.service = evolutionService;
    }

    /** @param problem an initial-value problem that appeared */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProblem(InitialValueProblem problem) {
        problems.add(problem);
    }

    /** @param problem an initial-value problem that went away */
    void removeProblem(InitialValueProblem problem) {
        problems.remove(problem);
    }

    @Override
    public String name() {
        return "evolve";
    }

    @Override
    public String summary() {
        return "evolve PROBLEM [--t-end T] [--rtol R] [--rank L] [--out DIR] [--resume DIR] ...: Neural IVP time evolution";
    }

    /**
     * The Gogo entry point, {@code geopinn:evolve heat2d --t-end 0.5}.
     *
     * @param args the same arguments as on the command line
     * @return the exit code
     */
    public int evolve(String... args) {
        return run(Arrays.asList(args), System.out, System.err);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Invocation invocation;
        InitialValueProblem problem;
        EvolutionSettings settings;
        EvolutionState start = null;
        try {
            invocation = Invocation.parse(args);
            if (invocation.problem == null) {
                usage(out);
                return invocation.help ? 0 : 2;
            }
            problem = problem(invocation.problem);
            EvolutionSettings base = EvolutionSettings.defaults().with(problem.defaults());
            settings = base.with(invocation.settings);
            if (invocation.resume != null) {
                Path file = Files.isDirectory(invocation.resume) ? invocation.resume.resolve("state.txt") : invocation.resume;
                start = service.load(file);
                settings = SavedModel.resume(base, SavedModel.readBeside(file), invocation.settings);
            }
            if (invocation.frames > 0) {
                settings = withFrames(settings, problem, invocation.frames);
            }
        } catch (GeopinnException e) {
            err.println("evolve: " + e.getMessage());
            return 2;
        }
        Path directory = invocation.out != null ? invocation.out : Path.of("runs", "evolve-" + problem.id());
        try {
            SavedModel.write(settings, directory);
        } catch (GeopinnException e) {
            err.println("evolve: " + e.getMessage());
            return 1;
        }
        out.println("evolve " + problem.id() + ": " + problem.description());
        out.println("results in " + directory.toAbsolutePath());
        HeatMaps.warmUp(); // pictures must still be drawn after SIGINT/SIGTERM has begun the shutdown
        try (Interruption interruption = Interruption.install()) {
            EvolutionResult result = service.evolve(problem, settings, start, new Progress(out, err, directory));
            interruption.writing(); // from here on a signal waits for the files instead of interrupting them
            ResultWriter.write(problem, settings, result, directory);
            service.save(result.finalState(), directory.resolve("state.txt"));
            EvolutionEvent last = result.events().get(result.events().size() - 1);
            out.println(String.format(Locale.ROOT, "%s: t=%.4f, %d steps, %d restarts, P=%d, rel L2 %.3e, %.1f s (%s)",
                    interruption.requested() ? "interrupted" : "done", last.time(), result.finalState().steps(),
                    result.finalState().restarts(), result.parameterCount(), last.relativeError(), last.seconds(), last.message()));
            if (interruption.requested()) {
                out.println("resume with: evolve " + problem.id() + " --resume " + directory);
                return 130;
            }
            return 0;
        } catch (GeopinnException e) {
            err.println("evolve: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Prints each event and, at each output time, writes {@code state.txt} and {@code history.csv}
     * into the results directory: a run killed without warning (SIGKILL, a lost machine) resumes
     * from its last output time with {@code --resume DIR}. A checkpoint that cannot be written is
     * said once and the run goes on.
     */
    private final class Progress implements EvolutionListener {
        private final PrintStream out;
        private final PrintStream err;
        private final Path directory;
        private final List<EvolutionEvent> events = new ArrayList<>();
        private boolean failureSaid;

        Progress(PrintStream out, PrintStream err, Path directory) {
            this.out = out;
            this.err = err;
            this.directory = directory;
        }

        @Override
        public void onEvent(EvolutionEvent event) {
            events.add(event);
            print(out, event);
        }

        @Override
        public void onOutputState(EvolutionState state) {
            try {
                ResultWriter.checkpoint(events, directory);
                service.save(state, directory.resolve("state.txt"));
            } catch (GeopinnException e) {
                // Ctrl-C interrupts this thread, which closes a file being written: the results come next anyway.
                if (!failureSaid && !Thread.currentThread().isInterrupted()) {
                    failureSaid = true;
                    err.println("evolve: a checkpoint could not be written, the run goes on: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Ctrl-C (SIGINT) or SIGTERM while a run evolves: a JVM shutdown hook interrupts the evolving
     * thread, which stops between two time steps ({@link NeuralIvp} checks for it), and then waits
     * (at most {@value #WAIT_SECONDS} s) until the results and the state to resume from are
     * written. Once the writing has begun the thread is no longer interrupted, since an
     * interrupted thread's file channels close.
     */
    static final class Interruption implements AutoCloseable {
        static final int WAIT_SECONDS = 25;
        private final Thread worker = Thread.currentThread();
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private final Thread hook = new Thread(this::interrupt, "geopinn-evolve-interrupt");
        private boolean requested;
        private boolean writing;

        static Interruption install() {
            Interruption i = new Interruption();
            try {
                Runtime.getRuntime().addShutdownHook(i.hook);
            } catch (IllegalStateException shuttingDown) {
                i.requested = true; // the JVM is already going down: stop at once
                i.worker.interrupt();
            }
            return i;
        }

        private void interrupt() {
            synchronized (this) {
                requested = true;
                if (!writing) {
                    worker.interrupt();
                }
            }
            try {
                done.await(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The run has ended: the files come next. */
        void writing() {
            synchronized (this) {
                writing = true;
            }
            Thread.interrupted(); // an interrupt that arrived just before must not break the writing
        }

        synchronized boolean requested() {
            return requested;
        }

        @Override
        public void close() {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and has just been released
            }
        }
    }

    private InitialValueProblem problem(String id) {
        return problems.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new GeopinnException(
                "unknown initial-value problem '" + id + "'; available: " + ids()));
    }

    private List<String> ids() {
        return problems.stream().map(InitialValueProblem::id).sorted().toList();
    }

    private void usage(PrintStream out) {
        out.println("usage: evolve PROBLEM [--t-end T] [--rtol R] [--rank L] [--samples N] [--hidden 32,32]");
        out.println("              [--out DIR] [--resume DIR|FILE] [--frames N] [--KEY VALUE]...");
        out.println("settings: " + EvolutionSettings.defaults().asMap().keySet() + " and --model.KEY VALUE");
        out.println("problems:");
        problems.stream().sorted(Comparator.comparing(InitialValueProblem::id))
                .forEach(p -> out.println("  " + p.id() + "  " + p.description()));
    }

    private static EvolutionSettings withFrames(EvolutionSettings settings, InitialValueProblem problem, int frames) {
        double end = Double.isNaN(settings.endTime()) ? problem.defaultEndTime() : settings.endTime();
        double[] times = DoubleStream.concat(Arrays.stream(settings.outputTimes()),
                DoubleStream.iterate(0, k -> k + 1).limit(frames + 1L).map(k -> end * k / frames)).sorted().distinct().toArray();
        StringBuilder text = new StringBuilder();
        for (double t : times) {
            text.append(text.length() == 0 ? "" : ",").append(t);
        }
        return settings.with(Map.of("output-times", text.toString()));
    }

    private static void print(PrintStream out, EvolutionEvent e) {
        switch (e.kind()) {
            case FITTED:
            case RESTARTED:
                out.println(String.format(Locale.ROOT, "%-9s t=%.5f  misfit=%.2e  err=%.3e  (%s)  %.1fs",
                        e.kind().name().toLowerCase(Locale.ROOT), e.time(), e.residual(), e.relativeError(), e.message(),
                        e.seconds()));
                break;
            case STEP:
            case REJECTED:
                out.println(String.format(Locale.ROOT,
                        "%-9s %4d t=%.5f dt=%.2e cg=%d cg-res=%.1e pde-res=%.2e est=%.2f err=%.3e  %.1fs",
                        e.kind() == EvolutionEvent.Kind.STEP ? "step" : "rejected", e.step(), e.time(), e.stepSize(),
                        e.cgIterations(), e.cgResidual(), e.residual(), e.errorEstimate(), e.relativeError(), e.seconds()));
                break;
            case SNAPSHOT:
                out.println(String.format(Locale.ROOT, "snapshot  t=%.5f err=%.3e", e.time(), e.relativeError()));
                break;
            default:
                break;
        }
        out.flush();
    }

    /** The parsed command line. */
    private static final class Invocation {
        String problem;
        boolean help;
        Path out;
        Path resume;
        int frames;
        final Map<String, String> settings = new LinkedHashMap<>();

        static Invocation parse(List<String> args) {
            Invocation inv = new Invocation();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("-h") || a.equals("--help") || a.equals("--list")) {
                    inv.help = true;
                    continue;
                }
                if (!a.startsWith("--")) {
                    positional.add(a);
                    continue;
                }
                String key = a.substring(2);
                String value;
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    value = key.substring(eq + 1);
                    key = key.substring(0, eq);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new GeopinnException("option --" + key + " needs a value");
                }
                switch (key) {
                    case "out": inv.out = Path.of(value); break;
                    case "resume": inv.resume = Path.of(value); break;
                    case "frames":
                        try {
                            inv.frames = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new GeopinnException("--frames needs a whole number, got '" + value + "'");
                        }
                        break;
                    default: inv.settings.put(key, value);
                }
            }
            if (positional.size() > 1) {
                throw new GeopinnException("evolve takes one problem, got " + positional);
            }
            inv.problem = positional.isEmpty() || inv.help ? null : positional.get(0);
            // Validate the keys now, so a typo is reported before any work.
            EvolutionSettings.defaults().with(inv.settings);
            return inv;
        }
    }
}
