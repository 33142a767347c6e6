package org.geopinn.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.sweep.RunRequest;
import org.geopinn.settings.SettingsText;

/**
 * A sweep file: a properties file naming problems, grids of settings, optimizer chains and seeds;
 * every combination is one run (docs/CLI.md, "sweep"). Keys:
 *
 * <pre>
 * name       = chains-on-laplace          the sweep's name (default: the file name)
 * problems   = laplace2d, poisson1d       required
 * optimizers = adam:200,lbfgs | lm | default   chains, separated by |; default: the default strategy
 * seeds      = 0-2, 7                     seeds and ranges (default 0)
 * steps      = 100                        steps per run (default: the problem's)
 * budget     = 30                         training seconds per run at most (default: the problem's)
 * hidden     = 16,16 | 32                 hidden widths, separated by | (default: the problem's model)
 * weighting  = fixed | gradnorm(max_weight=100)   loss weightings, separated by |
 * problem.ID.SETTING = 0.1, 10            a grid over one setting of problem ID (several: every combination)
 * parallel   = 2                          runs at once on this machine without a cluster (default 1)
 * </pre>
 *
 * @param name the sweep's name
 * @param runs the runs, in the file's order (problems, settings, chains, widths, weightings, seeds)
 * @param parallel runs at once on the local pool
 */
record SweepFile(String name, List<RunRequest> runs, int parallel) {
    /** The keys a sweep file may hold (besides {@code problem.ID.SETTING}). */
    static final List<String> KEYS = List.of("name", "problems", "optimizers", "seeds", "steps", "budget", "hidden", "weighting",
            "parallel");
    /** The chain word for the engine's default strategy. */
    static final String DEFAULT = "default";
    /** More runs than this in one file is surely a mistake in a grid. */
    static final int MAX_RUNS = 100_000;

    /**
     * @param file the sweep file
     * @return the sweep
     * @throws GeopinnException (one line, naming the file and key) for anything wrong in it
     */
    static SweepFile read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new GeopinnException("sweep file " + file + " cannot be read (" + AtomicFiles.reason(e) + ")");
        }
        Map<String, String> values = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return parse(values, base, file.toString());
    }

    /**
     * @param values the file's keys and values
     * @param defaultName the name when the file gives none
     * @param where the file, for messages
     * @return the sweep
     */
    static SweepFile parse(Map<String, String> values, String defaultName, String where) {
        for (String k : values.keySet()) {
            if (!KEYS.contains(k) && !k.matches("problem\\.[^.]+\\.[^.]+")) {
                throw new GeopinnException("sweep file " + where + ": unknown key '" + Text.quote(k) + "'; keys are "
                        + String.join(", ", KEYS) + ", problem.ID.SETTING");
            }
        }
        String name = values.getOrDefault("name", defaultName);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new GeopinnException("sweep file " + where + ": name '" + Text.quote(name)
                    + "' is not allowed; allowed: letters, digits, '.', '_' and '-' (it names the results folder)");
        }
        List<String> problems = list(values.get("problems"), ",");
        if (problems.isEmpty()) {
            throw new GeopinnException("sweep file " + where + ": 'problems' is missing; give the problem ids, e.g. problems = laplace2d, heat");
        }
        List<String> chains = values.containsKey("optimizers") ? list(values.get("optimizers"), "\\|") : List.of(DEFAULT);
        for (String c : chains) {
            if (!DEFAULT.equals(c)) {
                try {
                    OptimizerStage.parseChain(c);
                } catch (RuntimeException e) {
                    throw new GeopinnException("sweep file " + where + ": optimizers: '" + Text.quote(c) + "' is not a chain ("
                            + SolveCommand.oneLine(e.getMessage()) + "); chains look like adam:1000,lbfgs and are separated by |");
                }
            }
        }
        List<Long> seeds = seeds(values.getOrDefault("seeds", "0"), where);
        long steps = number(values, "steps", where);
        double budget = values.containsKey("budget") ? decimal(values.get("budget"), "budget", where) : 0;
        int parallel = values.containsKey("parallel") ? (int) number(values, "parallel", where) : 1;
        if (parallel < 1) {
            throw new GeopinnException("sweep file " + where + ": parallel is " + parallel + "; allowed: a whole number ≥ 1");
        }
        List<String> widths = values.containsKey("hidden") ? list(values.get("hidden"), "\\|") : List.of("");
        for (String w : widths) {
            if (!w.isEmpty() && !w.matches("\\d+( *, *\\d+)*")) {
                throw new GeopinnException("sweep file " + where + ": hidden: '" + Text.quote(w)
                        + "' is not a list of layer widths such as 32,32 (several separated by |)");
            }
        }
        List<String> weightings = values.containsKey("weighting") ? list(values.get("weighting"), "\\|") : List.of("");
        for (String w : weightings) {
            if (!w.isEmpty()) {
                SettingsText.parse(w, "sweep file " + where + ": weighting");
            }
        }
        Set<String> known = new HashSet<>(problems);
        for (String k : values.keySet()) {
            if (k.startsWith("problem.") && !known.contains(k.split("\\.")[1])) {
                throw new GeopinnException("sweep file " + where + ": '" + Text.quote(k) + "' sets a problem that 'problems' does not name ("
                        + String.join(", ", problems) + ")");
            }
        }
        List<RunRequest> runs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String problem : problems) {
            for (Map<String, String> settings : grid(values, problem)) {
                for (String chain : chains) {
                    for (String hidden : widths) {
                        for (String weighting : weightings) {
                            for (long seed : seeds) {
                                String key = unique(keys, key(problem, settings, chain, hidden, weighting, seed));
                                runs.add(new RunRequest(key, problem, settings, DEFAULT.equals(chain) ? "" : chain, weighting,
                                        hidden.replace(" ", ""), seed, steps, budget));
                                if (runs.size() > MAX_RUNS) {
                                    throw new GeopinnException("sweep file " + where + " gives more than " + MAX_RUNS + " runs; split it");
                                }
                            }
                        }
                    }
                }
            }
        }
        return new SweepFile(name, List.copyOf(runs), parallel);
    }

    /** @return every combination of the problem's setting grids (one empty map when it has none) */
    private static List<Map<String, String>> grid(Map<String, String> values, String problem) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        String prefix = "problem." + problem + ".";
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String setting = e.getKey().substring(prefix.length());
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : list(e.getValue(), ",")) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(setting, v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }

    /** @return a folder name saying what the run is: problem, settings, chain, widths, weighting, seed */
    static String key(String problem, Map<String, String> settings, String chain, String hidden, String weighting, long seed) {
        StringBuilder b = new StringBuilder(problem);
        settings.forEach((k, v) -> b.append('-').append(k).append('=').append(v));
        b.append('-').append(chain);
        if (!hidden.isEmpty()) {
            b.append("-h").append(hidden.replace(" ", ""));
        }
        if (!weighting.isEmpty()) {
            b.append('-').append(weighting);
        }
        b.append("-s").append(seed);
        return b.toString().replace(',', '+').replace(':', '@').replaceAll("[^A-Za-z0-9._=+@-]+", "_");
    }

    private static String unique(Set<String> keys, String key) {
        String k = key;
        for (int i = 2; !keys.add(k); i++) {
            k = key + "-" + i;
        }
        return k;
    }

    private static List<String> list(String value, String separator) {
        List<String> l = new ArrayList<>();
        if (value == null) {
            return l;
        }
        for (String s : value.split(separator)) {
            if (!s.isBlank()) {
                l.add(s.trim());
            }
        }
        return l;
    }

    private static List<Long> seeds(String text, String where) {
        List<Long> seeds = new ArrayList<>();
        for (String part : list(text, ",")) {
            try {
                int dash = part.indexOf('-', 1);
                if (dash > 0) {
                    long from = Long.parseLong(part.substring(0, dash).trim());
                    long to = Long.parseLong(part.substring(dash + 1).trim());
                    if (to < from || to - from > MAX_RUNS) {
                        throw new NumberFormatException();
                    }
                    for (long s = from; s <= to; s++) {
                        seeds.add(s);
                    }
                } else {
                    seeds.add(Long.parseLong(part));
                }
            } catch (NumberFormatException e) {
                throw new GeopinnException("sweep file " + where + ": seeds: '" + Text.quote(part)
                        + "' is not a seed or a range such as 0-4");
            }
        }
        if (seeds.isEmpty()) {
            throw new GeopinnException("sweep file " + where + ": seeds is empty; give seeds such as 0-4 or 0, 3, 7");
        }
        return seeds;
    }

    private static long number(Map<String, String> values, String key, String where) {
        String v = values.get(key);
        if (v == null) {
            return 0;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("sweep file " + where + ": " + key + " is '" + Text.quote(v) + "'; allowed: a whole number ≥ 0");
    }

    private static double decimal(String v, String key, String where) {
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("sweep file " + where + ": " + key + " is '" + Text.quote(v) + "'; allowed: a number of seconds ≥ 0");
    }
}
