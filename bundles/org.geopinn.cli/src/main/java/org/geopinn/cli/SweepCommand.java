package org.geopinn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.sweep.RunExecutor;
import org.geopinn.api.sweep.RunOutcome;
import org.geopinn.api.sweep.RunRequest;

/**
 * {@code sweep FILE [--out DIR] [--parallel N] [--local]}: every run a sweep file describes
 * ({@link SweepFile}), performed on the cluster when one is configured (a {@link RunExecutor}
 * service), else on a pool of this machine; each run's results folder and one table are gathered
 * in {@code runs/sweep-NAME/}. Running it again on the same folder resumes: runs already written
 * are kept and not run again.
 */
final class SweepCommand {
    /** The options. */
    static final Set<String> VALUED = Set.of("out", "parallel");
    /** The flags. */
    static final Set<String> FLAGS = Set.of("local");
    /** Help text. */
    static final String USAGE = "sweep FILE [--out DIR] [--parallel N] [--local]";

    private final Services services;
    private final PrintStream out;
    private final PrintStream err;

    SweepCommand(Services services, PrintStream out, PrintStream err) {
        this.services = services;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        Options o = Options.parse(args, VALUED, FLAGS);
        if (o.positional().size() != 1) {
            throw new GeopinnException("usage: " + USAGE + " (one sweep file; its keys are in docs/CLI.md), got "
                    + (o.positional().isEmpty() ? "none" : String.join(" ", o.positional())));
        }
        Path file = Path.of(o.positional().get(0)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new GeopinnException("sweep file " + file + " does not exist");
        }
        SweepFile sweep = SweepFile.read(file);
        int parallel = o.has("parallel") ? (int) o.longValue("parallel", 1, 1) : sweep.parallel();
        services.awaitReady();
        check(sweep);
        Path root = o.has("out") ? Path.of(o.get("out")).toAbsolutePath().normalize()
                : services.home().resolve("runs").resolve("sweep-" + sweep.name());
        try (ResultLock lock = ResultLock.acquire(root, "sweep folder")) {
            try {
                Files.createDirectories(root);
                Files.copy(file, root.resolve("sweep.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new GeopinnException("cannot write to the sweep folder " + root + " (" + AtomicFiles.reason(e) + ")");
            }
            return sweep(sweep, root, parallel, o.flag("local"), "./geopinn sweep " + String.join(" ", commandLine(args)));
        }
    }

    private static List<String> commandLine(List<String> args) {
        return args.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).toList();
    }

    /** Problems and optimizers must be there before anything runs: a typo fails at once, in one line. */
    private void check(SweepFile sweep) {
        List<String> problems = ids("problems");
        List<String> optimizers = ids("optimizers");
        for (RunRequest r : sweep.runs()) {
            if (!problems.contains(r.problem())) {
                throw new GeopinnException("the sweep names problem '" + Text.quote(r.problem()) + "', which is not installed; known: "
                        + String.join(", ", problems));
            }
            if (!r.optimizers().isEmpty()) {
                for (OptimizerStage s : OptimizerStage.parseChain(r.optimizers())) {
                    if (!optimizers.contains(s.optimizerId())) {
                        throw new GeopinnException("the sweep names optimizer '" + Text.quote(s.optimizerId())
                                + "', which is not installed; known: " + String.join(", ", optimizers));
                    }
                }
            }
        }
    }

    private List<String> ids(String kind) {
        return services.catalog().entries().getOrDefault(kind, List.of()).stream().map(Catalog.Entry::id).toList();
    }

    private int sweep(SweepFile sweep, Path root, int parallel, boolean local, String command) {
        SweepResults results = new SweepResults(root);
        List<RunRequest> pending = new ArrayList<>();
        for (RunRequest r : sweep.runs()) {
            if (!results.done(r.key())) {
                pending.add(r);
            }
        }
        int total = sweep.runs().size();
        int kept = total - pending.size();
        RunExecutor cluster = local ? null : services.runExecutor().orElse(null);
        LocalRunExecutor pool = cluster == null ? new LocalRunExecutor(new SweepPerformer(services, "this machine"), parallel) : null;
        RunExecutor executor = cluster != null ? cluster : pool;
        out.printf(Locale.ROOT, "sweep %s: %d runs%s on %s; results in %s%n", sweep.name(), total,
                kept > 0 ? " (" + kept + " already written, kept; " + pending.size() + " to run)" : "", executor.description(), root);
        results.writeTables(sweep.name(), command, sweep.runs());
        long began = System.nanoTime();
        AtomicInteger finished = new AtomicInteger(kept);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        try {
            for (RunRequest r : pending) {
                all.add(executor.submit(r).toCompletableFuture().handle((outcome, problem) -> {
                    gather(sweep, root, command, results, r, outcome, problem, total, finished, failed, refused);
                    return null;
                }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("sweep interrupted: the runs written so far are kept; run the same command again to go on");
            return 130;
        } catch (ExecutionException e) {
            throw new GeopinnException("sweep: " + e.getCause());
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
        List<SweepResults.Row> rows = results.writeTables(sweep.name(), command, sweep.runs());
        out.printf(Locale.ROOT, "wrote %s and %s: %d of %d runs (%d run now in %.1f s)%s%n", root.resolve(SweepResults.CSV), SweepResults.MARKDOWN,
                rows.size(), total, finished.get() - kept, (System.nanoTime() - began) / 1e9,
                failed.get() + refused.get() > 0 ? " (" + failed.get() + " failed, " + refused.get() + " refused; run the command again to retry them)" : "");
        return refused.get() > 0 ? 2 : failed.get() > 0 ? 1 : 0;
    }

    /** Writes one run's results as it arrives and prints its progress line; runs on the thread that completed it. */
    private synchronized void gather(SweepFile sweep, Path root, String command, SweepResults results, RunRequest r, RunOutcome outcome,
            Throwable problem, int total, AtomicInteger finished, AtomicInteger failed, AtomicInteger refused) {
        if (problem != null) {
            failed.incrementAndGet();
            Throwable cause = problem instanceof java.util.concurrent.CompletionException && problem.getCause() != null ? problem.getCause() : problem;
            err.println("        " + r.key() + " failed: " + SolveCommand.oneLine(String.valueOf(cause.getMessage() == null ? cause : cause.getMessage())));
            return;
        }
        if (outcome.refused()) {
            refused.incrementAndGet();
            err.println("        " + r.key() + " refused: " + outcome.message());
            return;
        }
        boolean written;
        try {
            written = results.write(outcome);
        } catch (GeopinnException e) {
            failed.incrementAndGet();
            err.println("        " + r.key() + " not written: " + SolveCommand.oneLine(e.getMessage()));
            return;
        }
        if (!written) {
            out.println("        " + r.key() + " came back twice; the results written first are kept");
            return;
        }
        out.printf(Locale.ROOT, "[%d/%d] %s on %s: %d steps, %.1f s, loss %s, rel_l2 %s, %s%n", finished.incrementAndGet(), total, r.key(),
                outcome.member(), outcome.steps(), outcome.seconds(), SweepResults.sci(outcome.loss()), SweepResults.sci(outcome.relativeL2()),
                outcome.state());
        out.flush();
        // after every run, so that a sweep stopped half-way has the table of what it did
        results.writeTables(sweep.name(), command, sweep.runs());
    }
}
