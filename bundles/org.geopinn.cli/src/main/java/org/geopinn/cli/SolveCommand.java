package org.geopinn.cli;

import static org.geopinn.cli.SolveOptions.join;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.cli.SolvePlanning.Plan;
import org.geopinn.cli.solve.CheckpointSchedule;

/**
 * {@code solve PROBLEM [options]}: trains one session with progress on the console, then writes
 * its results directory. Ctrl-C stops between two steps and still writes complete results. The
 * options are read by {@link SolvePlanning}.
 */
final class SolveCommand {
    private final Services services;
    private final PrintStream out;
    private final PrintStream err;
    /** Counted down once the results of the running solve are written (Ctrl-C waits for it). */
    private final CountDownLatch written = new CountDownLatch(1);

    SolveCommand(Services services, PrintStream out, PrintStream err) {
        this.services = services;
        this.out = out;
        this.err = err;
    }

    /**
     * @param args the arguments after {@code solve}
     * @return the exit code
     */
    int run(List<String> args) {
        Plan plan = null;
        try {
            Session session;
            try {
                plan = new SolvePlanning(services, out).plan(args);
                session = services.training().start(plan.spec());
            } catch (GeopinnException e) {
                err.println("geopinn solve: " + oneLine(e.getMessage()));
                return 2;
            }
            return train(session, plan);
        } finally {
            if (plan != null) {
                plan.lock().close();
            }
            written.countDown(); // nothing (more) to write: a stopping framework need not wait
        }
    }

    /** @return a latch released when the running solve has written its results */
    CountDownLatch written() {
        return written;
    }

    private int train(Session session, Plan plan) {
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            session.stop();
            try {
                written.await(25, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "geopinn-solve-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread warmUp = new Thread(Pictures::warmUp, "geopinn-pictures-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        ProgressPrinter progress = null;
        try {
            if (!plan.quiet()) {
                SessionSpec s = session.spec();
                out.println(header(session, plan));
                progress = new ProgressPrinter(out, services.terminal(), session.conditionNames(), s.startStep(), s.maxSteps(),
                        s.timeBudgetSeconds(), plan.earlier().seconds())
                        .coefficients(org.geopinn.api.problem.CoefficientModel.coefficientNames(session.model()));
                session.addListener(progress);
                var last = session.lastEvent();
                if (last != null && last.kind() == org.geopinn.api.session.TrainingEvent.Kind.ENDED) {
                    progress.onEvent(last); // it ended before the listener was added
                }
            }
            SessionState state;
            long pausedSince = -1;
            String lost = null;
            CheckpointSchedule checkpoints = new CheckpointSchedule(session, plan.checkpointEvery(),
                    () -> services.results().checkpoint(session, plan.out(), plan.earlier(), plan.lock()),
                    why -> err.println("geopinn solve: a checkpoint could not be written, training goes on (the results are written"
                            + " at the end): " + oneLine(why)));
            do {
                state = session.await(Duration.ofSeconds(1));
                if (!state.isTerminal()) {
                    checkpoints.writeIfDue();
                }
                // A command has no shell to pause a session by hand: a pause is a service that went away.
                if (state == SessionState.PAUSED) {
                    pausedSince = pausedSince < 0 ? System.nanoTime() : pausedSince;
                    if (lost == null && (System.nanoTime() - pausedSince) * 1e-9 >= plan.lostServiceWait()) {
                        lost = session.message();
                        session.stop();
                    }
                } else {
                    pausedSince = -1;
                }
            } while (!state.isTerminal());
            if (progress != null) {
                session.removeListener(progress);
            }
            if (state == SessionState.FAILED && session.history().isEmpty() && plan.spec().startStep() > 0) {
                // A resume that failed before its first step has nothing new: the resumed run's results stay as they were.
                err.println("geopinn solve: the resume failed before its first step, " + plan.out() + " is unchanged: "
                        + oneLine(session.message()));
                return 1;
            }
            try {
                services.results().export(session, plan.out(), plan.earlier(), plan.lock());
            } catch (GeopinnException e) {
                err.println("geopinn solve: the results of " + session.history().size() + " steps could not be written, "
                        + plan.out() + " is unchanged: " + oneLine(e.getMessage()));
                return 1;
            }
            if (!plan.quiet()) {
                out.println(session.message());
                out.println("results in " + plan.out());
                SessionSpec spec = session.spec();
                String falling = state == SessionState.FINISHED && !interrupted.get()
                        ? StillFalling.note(session.history(), spec.maxSteps(), spec.timeBudgetSeconds(), spec.problemId(), plan.out()) : null;
                if (falling != null) {
                    out.println(falling);
                }
            }
            if (interrupted.get()) {
                return 130;
            }
            if (lost != null) {
                err.println("geopinn solve: stopped after waiting " + String.format(Locale.ROOT, "%.0f s", plan.lostServiceWait()) + " for what went away: "
                        + oneLine(lost) + "; the results so far are in " + plan.out() + " (--resume continues them)");
                return 1;
            }
            if (state == SessionState.FAILED) {
                err.println("geopinn solve: " + oneLine(session.message()));
                return 1;
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.stop();
            return 130;
        } catch (GeopinnException e) {
            err.println("geopinn solve: " + oneLine(e.getMessage()));
            return 1;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for this very latch
            }
        }
    }

    /** @return the line that opens a solve's console output: what trains, with what, from where */
    private static String header(Session session, Plan plan) {
        SessionSpec s = session.spec();
        return "solving " + s.problemId() + " with " + chain(s) + (plan.chainChosen() ? " (default strategy)" : "")
                + (s.weightingId() != null && !"fixed".equals(s.weightingId())
                        ? ", " + new org.geopinn.settings.SettingsText(s.weightingId(), new java.util.TreeMap<>(s.weightingSettings())).text() + " weighting" : "")
                + (s.collocation() != null ? ", collocation " + s.collocation() // the full form, as --collocation reads it
                        : s.resampleEvery() > 0 ? ", points resampled every " + s.resampleEvery() + " steps" : "")
                + ", model " + s.modelId() + " "
                + join(s.hidden()) + " " + s.activation() + outputMap(session.model().spec()) + ", " + session.model().parameterCount() + " parameters, seed "
                + s.seed() + (s.startStep() > 0 ? ", resuming at step " + s.startStep() : "");
    }

    /** @return e.g. {@code " (outputs u = 300 + 50·N)"} for the fields the model maps, else "" */
    private static String outputMap(org.geopinn.api.model.ModelSpec model) {
        double[] shift = model.perField(org.geopinn.api.model.ModelSpec.OUTPUT_SHIFT, 0.0);
        double[] scale = model.perField(org.geopinn.api.model.ModelSpec.OUTPUT_SCALE, 1.0);
        java.util.List<String> mapped = new java.util.ArrayList<>();
        for (int f = 0; f < shift.length; f++) {
            if (shift[f] != 0 || scale[f] != 1) {
                mapped.add(model.fields().get(f) + " = " + plain(shift[f]) + " + " + plain(scale[f]) + "·N");
            }
        }
        return mapped.isEmpty() ? "" : " (outputs " + String.join(", ", mapped) + ")";
    }

    /** @return 325 for 325.0, 0.25 for 0.25: the shortest text of the number */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String chain(SessionSpec s) {
        return String.join(",", s.optimizers().stream().map(OptimizerStage::text).toList());
    }

    /** Longest error line: messages quote user text (ids, operators) and must stay readable. */
    static final int LINE = 1000;

    static String oneLine(String s) {
        return Text.cut(s, LINE);
    }
}
