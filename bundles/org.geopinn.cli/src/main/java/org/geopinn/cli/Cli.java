package org.geopinn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.Command;

/**
 * The {@code ./geopinn} command line: {@code list}, {@code help}, {@code solve}, {@code bench},
 * {@code load}, and any other word dispatched to a {@link Command} service of that name.
 * Exit codes: 0 ok, 2 bad input, 1 failure, 130 interrupted (SIGINT), 143 stopped by SIGTERM.
 */
final class Cli {
    private final Services services;
    private final PrintStream out;
    private final PrintStream err;
    private volatile SolveCommand solving;

    Cli(Services services, PrintStream out, PrintStream err) {
        this.services = services;
        this.out = out;
        this.err = err;
    }

    /**
     * @param args the command line
     * @return the exit code
     */
    int run(List<String> args) {
        if (args.isEmpty()) {
            help(List.of());
            return 0;
        }
        String word = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            switch (word) {
                case "list":
                    return list(rest);
                case "help":
                case "--help":
                case "-h":
                    return help(rest);
                case "solve":
                    solving = new SolveCommand(services, out, err);
                    return solving.run(rest);
                case "bench":
                    return new BenchCommand(services, out, err).run(rest);
                case "load":
                    return new LoadCommand(services, out, err).run(rest);
                default:
                    return dispatch(word, rest);
            }
        } catch (GeopinnException e) {
            err.println("geopinn " + word + ": " + SolveCommand.oneLine(e.getMessage()));
            return 2;
        }
    }

    /** @return a latch released when a running solve has written its results, or null */
    CountDownLatch solveWritten() {
        SolveCommand s = solving;
        return s == null ? null : s.written();
    }

    private int list(List<String> args) {
        if (!args.isEmpty()) {
            throw new GeopinnException("list takes no arguments, got " + args);
        }
        services.awaitReady();
        Map<String, List<Catalog.Entry>> entries = services.catalog().entries();
        int width = entries.values().stream().flatMap(List::stream).mapToInt(e -> e.id().length()).max().orElse(8);
        entries.forEach((kind, list) -> {
            out.println(kind + (list.isEmpty() ? " (none)" : ""));
            for (Catalog.Entry e : list) {
                out.println("  " + pad(e.id(), width) + "  " + e.description() + "  [" + bundleLabel(e.bundle()) + "]");
            }
        });
        out.println("dense kernels");
        out.println("  " + org.geopinn.linalg.Kernels.describe());
        return 0;
    }

    /** @return "bsn version" of the bundle a service comes from (all versions when several are installed) */
    private String bundleLabel(String symbolicName) {
        List<String> versions = services.bundleVersions(symbolicName);
        return versions.isEmpty() ? symbolicName : symbolicName + " " + String.join("/", versions);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private int help(List<String> args) {
        out.println("usage: ./geopinn COMMAND [ARGS...]");
        out.println();
        out.println("  list                      problems, models, engines, samplers, optimizers, weightings, diagnostics, commands,");
        out.println("                            dense kernels; each service with the bundle (symbolic name and version) it comes from");
        out.println("  solve PROBLEM [options]   train a PINN and write a results directory");
        out.println("      --optimizer CHAIN       e.g. anagram, or adam:1000,anagram (stage = id[(key=value;...)][:steps])");
        out.println("      --steps N               total steps (with --resume: steps to add)");
        out.println("      --time-budget SECONDS   stop after this much training time");
        out.println("      --seed S                initialisation and sampling seed (default 0)");
        out.println("      --hidden 64,64,64       hidden layer widths; --activation tanh; --model mlp; --initialization xavier");
        out.println("      --points N | NAME=N,..  collocation points (N: each interior condition)");
        out.println("      --weighting ID          loss weighting (fixed, gradnorm, ...); --engine ID; --sampler ID");
        out.println("      --resample-every N      fresh collocation points every N steps");
        out.println("      --error-every N         measure the reference error every N steps");
        out.println("      --diagnostics ID,...    diagnostics to run (every --diagnostic-every N steps, else at the end)");
        out.println("      --out DIR               results directory (default runs/PROBLEM-TIMESTAMP)");
        out.println("      --config FILE           a properties file with the same keys (command line wins)");
        out.println("      --resume DIR            continue a run from its results directory");
        out.println("      --quiet                 no progress output");
        out.println("  bench [--suite NAME] [--seeds N] [--budget SECONDS]  run a benchmark suite, write docs/BENCHMARKS.md");
        out.println("  load DIR [--at X,Y;X,Y]   load a trained solution from a results directory and evaluate it");
        out.println("  help                      this text");
        out.println("  host                      an interactive host with the shell and plugins/ (handled by the launcher)");
        out.println("  new-plugin problem|optimizer NAME [DIR]   write a plugin project to start from (handled by the launcher)");
        out.println();
        out.println("plugins: every command loads the jars and .cfg files of plugins/ in the home before it runs;");
        out.println("  --plugin PATH             (anywhere, repeatable) also a plugin jar or a folder of them");
        Map<String, Command> commands = servicesCommands();
        if (!commands.isEmpty()) {
            out.println();
            out.println("commands from bundles:");
            commands.values().forEach(c -> out.println("  " + pad(c.name(), 24) + "  " + c.summary()));
        }
        out.println();
        out.println("exit codes: 0 ok, 2 bad input, 1 failure, 130 interrupted (Ctrl-C), 143 SIGTERM. More in docs/CLI.md.");
        return 0;
    }

    private Map<String, Command> servicesCommands() {
        try {
            services.awaitReady();
            return services.commands();
        } catch (GeopinnException e) {
            return Map.of();
        }
    }

    private int dispatch(String word, List<String> rest) {
        services.awaitReady();
        Command c = services.commands().get(word);
        if (c == null) {
            List<String> known = new ArrayList<>(Services.builtIns());
            known.addAll(services.commands().keySet());
            throw new GeopinnException("unknown command '" + word + "'; commands are " + String.join(", ", known));
        }
        return c.run(rest, out, err);
    }
}
