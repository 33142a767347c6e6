package org.geopinn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.weighting.LossWeightingFactory;
import org.geopinn.api.session.Command;

/**
 * The {@code ./geopinn} command line: {@code list}, {@code help}, {@code solve}, {@code bench},
 * {@code sweep}, {@code load}, and any other word dispatched to a {@link Command} service of that name.
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
        if (rest.contains("--help") || rest.contains("-h")) {
            // "solve --help" and the like: the usage of every command, not an unknown option
            return help(List.of());
        }
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
                case "sweep":
                    return new SweepCommand(services, out, err).run(rest);
                case "load":
                    return new LoadCommand(services, out, err).run(rest);
                case "export":
                    return new ExportCommand(services, out, err).run(rest);
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

    /** The kinds {@code help KIND NAME} describes, with their service interfaces and catalog names. */
    private static final Map<String, Map.Entry<Class<?>, String>> DESCRIBED = Map.of(
            "optimizer", Map.entry(OptimizerFactory.class, "optimizers"),
            "weighting", Map.entry(LossWeightingFactory.class, "weightings"),
            "problem", Map.entry(Problem.class, "problems"));

    private int help(List<String> args) {
        if (args.size() == 2 && DESCRIBED.containsKey(args.get(0))) {
            return describe(args.get(0), args.get(1));
        }
        if (!args.isEmpty()) {
            throw new GeopinnException("help takes no arguments or KIND NAME with KIND one of optimizer, weighting, problem"
                    + " (e.g. help optimizer anagram); got " + String.join(" ", args));
        }
        out.println("usage: ./geopinn COMMAND [ARGS...]");
        out.println();
        out.println("  list                      problems, models, engines, samplers, optimizers, weightings, diagnostics, commands,");
        out.println("                            dense kernels; each service with the bundle (symbolic name and version) it comes from");
        out.println("  solve PROBLEM [options]   train a PINN and write a results directory");
        SolveOptions.OPTIONS.lines().forEach(l -> out.println("    " + l));
        out.println("  bench [--suite NAME] [--seeds N] [--budget SECONDS]  run a benchmark suite, write docs/BENCHMARKS.md");
        out.println("  " + SweepCommand.USAGE + "  every run of a sweep file (problems × settings × chains × seeds),");
        out.println("                            on the cluster when one is configured, else here; resumable; see docs/CLI.md");
        out.println("  load DIR [--at X,Y;X,Y]   load a trained solution from a results directory and evaluate it");
        out.println("  " + ExportCommand.USAGE + "   the trained network as ONNX, fields as VTK XML");
        out.println("  help                      this text");
        out.println("  help optimizer|weighting|problem NAME   its settings: name, type, default, allowed values, description");
        out.println("  host                      an interactive host with the shell and plugins/ (handled by the launcher)");
        out.println("  new-plugin problem|optimizer NAME [DIR]   write a plugin project to start from (handled by the launcher)");
        out.println();
        out.println("plugins: every command loads the jars and .cfg files of plugins/ in the home before it runs;");
        out.println("  --plugin PATH             (anywhere, repeatable) also a plugin jar or a folder of them");
        out.println("  --dashboard               (anywhere) watch and steer sessions in a browser; --dashboard-address HOST,");
        out.println("                            --dashboard-port N, --dashboard-token TEXT (docs/CLI.md)");
        Map<String, Command> commands = servicesCommands();
        if (!commands.isEmpty()) {
            out.println();
            out.println("commands from bundles:");
            // the built-in commands some bundles also offer as services (for the shell) are listed above
            commands.values().stream().filter(c -> !Services.builtIns().contains(c.name()))
                    .forEach(c -> out.println("  " + pad(c.name(), 24) + "  " + c.summary()));
        }
        out.println();
        out.println("exit codes: 0 ok, 2 bad input, 1 failure, 130 interrupted (Ctrl-C), 143 SIGTERM. More in docs/CLI.md.");
        return 0;
    }

    /** Prints a component's settings from its metatype description: the same source the checks use. */
    private int describe(String kind, String id) {
        services.awaitReady();
        Map.Entry<Class<?>, String> k = DESCRIBED.get(kind);
        List<Catalog.Entry> known = services.catalog().entries().getOrDefault(k.getValue(), List.of());
        Catalog.Entry entry = known.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() -> new GeopinnException(
                "unknown " + kind + " '" + id + "'; known: " + String.join(", ", known.stream().map(Catalog.Entry::id).toList())));
        out.println(kind + " " + id + ": " + entry.description() + "  [" + entry.bundle() + "]");
        var description = services.settingsDescription(k.getKey(), id);
        if (description.isEmpty() || description.get().settings().isEmpty()) {
            out.println("no settings");
            return 0;
        }
        String pid = description.get().pids().isEmpty() ? "" : description.get().pids().get(0);
        out.println("settings" + (kind.equals("problem") ? " (per run: --problem-config NAME=VALUE,...;"
                : kind.equals("optimizer") ? " (per run: --optimizer " + id + "(NAME=VALUE;...);"
                : " (per run: --weighting " + id + "(NAME=VALUE;...);") + " defaults: plugins/" + pid + ".cfg):");
        description.get().settings().forEach(s -> out.println("  " + s.line()));
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
            java.util.Set<String> known = new java.util.LinkedHashSet<>(Services.builtIns());
            known.addAll(services.commands().keySet());
            throw new GeopinnException("unknown command '" + word + "'; commands are " + String.join(", ", known));
        }
        return c.run(rest, out, err);
    }
}
