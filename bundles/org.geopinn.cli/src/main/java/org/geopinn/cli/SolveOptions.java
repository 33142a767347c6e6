package org.geopinn.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.session.Collocation;

/**
 * The options of {@code solve} (their names, help text and defaults) and the parsers of their
 * values: each turns one option's text into a value or throws one line naming the option.
 */
final class SolveOptions {
    /** Options taking a value; also the keys of a --config file. */
    static final Set<String> VALUED = Set.of("optimizer", "steps", "time-budget", "seed", "hidden", "activation", "points", "out",
            "config", "resume", "weighting", "model", "engine", "sampler", "resample-every", "error-every", "initialization",
            "separate-networks", "scaling", "diagnostics", "diagnostic-every", "problem-config", "time-marching",
            "unknown", "parametric", "lost-service-wait", "collocation", "checkpoint-every", "known", "leave-out", "start-from", "output-map");
    /** Options without a value. */
    static final Set<String> FLAGS = Set.of("quiet");
    /** Steps when neither the command line nor the problem says. */
    static final long DEFAULT_STEPS = 1000;
    /** Error measurements per run when --error-every is not given. */
    static final int ERROR_SAMPLES = 20;
    /**
     * Seconds a command-line solve waits for a service its session lost (a plugin being replaced
     * comes back within a few seconds) before it stops the session and writes its results: in a
     * command nobody can swap in another service, so waiting longer would wait forever.
     */
    static final double LOST_SERVICE_WAIT = 30;
    /**
     * Seconds between two checkpoints of a command-line solve when --checkpoint-every is not
     * given: a run killed without warning (SIGKILL, a lost machine) loses at most this much
     * training. A checkpoint takes a copy of the parameters and optimizer state between two steps
     * and writes them while training goes on.
     */
    static final double CHECKPOINT_EVERY = 300;

    /** The options of {@code solve} for help texts (the CLI's {@code help} and the shell's {@code geopinn:solve}). */
    static final String OPTIONS = String.join("\n",
            "  --optimizer CHAIN       e.g. anagram, or adam:1000,anagram (stage = id[(key=value;...)][:steps])",
            "  --steps N               total steps (with --resume: steps to add)",
            "  --time-budget SECONDS   stop after this much training time",
            "  --seed S                initialisation and sampling seed (default 0)",
            "  --hidden 64,64,64       hidden layer widths; --activation tanh; --model mlp; --initialization xavier",
            "  --separate-networks B   one network per field (true/false); --scaling mean|sum|measure",
            "  --output-map auto|none  auto: a field whose given values (boundary, initial, data) exceed 30 in size",
            "                          is the network's output shifted to their middle and scaled to half their range",
            "  --points N | NAME=N,..  collocation points (N: each interior condition)",
            "  --weighting ID[(k=v;..)] loss weighting (fixed, gradnorm, ...); --engine ID; --sampler ID",
            "  --problem-config K=V,.. the problem's coefficients for this run, e.g. gamma=10",
            "  --unknown NAME=V,..     train these coefficients with the network, starting from V (inverse problems)",
            "  --parametric NAME=LO,HI a problem's coefficient as one more input over [LO, HI] (NAME=LO:HI,.. for several)",
            "  --known NAME[=V],..     hold coefficients the problem trains fixed at V (no V: the value the",
            "                          --start-from run ended with), e.g. the field at an estimated coefficient",
            "  --leave-out NAME,..     train without these conditions of the problem (e.g. its observations)",
            "  --start-from DIR        start from the network of a finished run (same network; fresh optimizer)",
            "  --resample-every N      fresh collocation points every N steps (0: fixed; default: the strategy's); for a linear",
            "                          problem under lm only where a condition's residual between its points is 10x that at them",
            "  --collocation learned(every=N;steps=M[;reference=R][;rounds=K][;start=chosen|current]",
            "                          [;objective=gradient|projection[;cutoff=adaptive|T][;kernel=tangent|natural]])",
            "                          learn the interior points between optimizer steps on the error of ANaGRAM's",
            "                          empirical natural gradient (projection: the slides' distance); fixed: off",
            "  --collocation chosen(every=N[;candidates=C][;cutoff=T])  choose each condition's points among C x fresh",
            "                          candidates: maximum-volume operator rows (pivoted QR), then fresh ones in order",
            "                          (either form: ;rounds=K renews at the first K rounds only, then keeps the points;",
            "                          0: every round; default 1 for learned, 0 for chosen points)",
            "  --error-every N         measure the reference error every N steps",
            "  --time-marching K       train K time windows one after the other (warm start)",
            "  --diagnostics ID,...    diagnostics to run (every --diagnostic-every N steps, else at the end)",
            "  --out DIR               results directory (default runs/PROBLEM-TIMESTAMP)",
            "  --config FILE           a properties file with the same keys (command line wins)",
            "  --resume DIR            continue a run from its results directory",
            "  --lost-service-wait S   seconds to wait for a service that went away before stopping (default 30)",
            "  --checkpoint-every S    write the results so far (no pictures) every S seconds of training, for",
            "                          --resume after a crash (default 300; 0: only at the end)",
            "  --quiet                 no progress output");

    private SolveOptions() {
    }

    /**
     * @param text {@code NAME=VALUE,…}, e.g. {@code nu=0.1}
     * @return the coefficients to train, name → initial value
     * @throws GeopinnException naming the first pair that is not a name and a finite number
     */
    static Map<String, Double> unknowns(String text) {
        return namedValues(text, "--unknown", true, "NAME=VALUE with a finite initial value (e.g. nu=0.1)");
    }

    /**
     * @param text {@code NAME[=VALUE],…}, e.g. {@code nu} or {@code nu=0.0032}
     * @return the trained coefficients to hold fixed, name → value; NaN where no value is given (the
     *         value the {@code --start-from} run ended with)
     * @throws GeopinnException naming the first pair that is not a name with an optional finite number
     */
    static Map<String, Double> known(String text) {
        return namedValues(text, "--known", false, "NAME or NAME=VALUE with a finite value (e.g. nu or nu=0.0032)");
    }

    /**
     * @param text {@code NAME=VALUE,…}
     * @param option the option, for messages
     * @param valueRequired whether a NAME alone is refused (else it maps to NaN)
     * @param form what a pair must be, for messages
     * @return name → value, in the given order
     * @throws GeopinnException naming the first bad or repeated pair
     */
    private static Map<String, Double> namedValues(String text, String option, boolean valueRequired, String form) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            Double value = eq < 0 ? (valueRequired ? null : Double.NaN) : finite(pair.substring(eq + 1).trim());
            if (name.isEmpty() || value == null) {
                throw new GeopinnException(option + ": '" + Text.quote(pair.trim()) + "' is not " + form);
            }
            if (values.put(name, value) != null) {
                throw new GeopinnException(option + ": '" + Text.quote(name) + "' is given twice");
            }
        }
        return values;
    }

    /** @return the number, or null when the text is not a finite number */
    private static Double finite(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param text {@code NAME,…}
     * @return the names of the conditions to leave out
     * @throws GeopinnException for an empty or repeated name
     */
    static List<String> leftOut(String text) {
        List<String> names = new java.util.ArrayList<>();
        for (String n : text.split(",", -1)) {
            String name = n.trim();
            if (name.isEmpty()) {
                throw new GeopinnException("--leave-out: '" + Text.quote(text) + "' is not a list of condition names (e.g. observations)");
            }
            if (names.contains(name)) {
                throw new GeopinnException("--leave-out: '" + Text.quote(name) + "' is given twice");
            }
            names.add(name);
        }
        return names;
    }

    /**
     * @param text {@code NAME=LO,HI} for one coefficient, or {@code NAME=LO:HI,…} for several
     *        (a number without a name continues the pair before it)
     * @return the ranges by name, in their order
     * @throws GeopinnException naming the first entry that is not a name with two finite numbers LO &lt; HI
     */
    static Map<String, double[]> parametric(String text) {
        // Join "k=1,4" back to "k=1:4": commas separate pairs and also the two ends of a range.
        List<String> entries = new java.util.ArrayList<>();
        for (String piece : text.split(",", -1)) {
            if (!piece.contains("=") && !entries.isEmpty() && !entries.get(entries.size() - 1).contains(":")) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + ":" + piece);
            } else {
                entries.add(piece);
            }
        }
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).trim();
            String[] ends = eq < 0 ? new String[0] : entry.substring(eq + 1).split(":", -1);
            double lo = Double.NaN;
            double hi = Double.NaN;
            if (ends.length == 2) {
                try {
                    lo = Double.parseDouble(ends[0].trim());
                    hi = Double.parseDouble(ends[1].trim());
                } catch (NumberFormatException e) {
                    lo = Double.NaN;
                }
            }
            if (name.isEmpty() || !Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
                throw new GeopinnException("--parametric: '" + Text.quote(entry.replace(':', ',').trim())
                        + "' is not NAME=LO,HI with finite numbers LO < HI (e.g. k=1,4; several: k=1:4,c=0:1)");
            }
            if (ranges.put(name, new double[] {lo, hi}) != null) {
                throw new GeopinnException("--parametric: '" + Text.quote(name) + "' is given twice");
            }
        }
        return ranges;
    }

    /** @param problem the problem @return the steps the problem asks for, else {@link #DEFAULT_STEPS} */
    static long defaultSteps(Problem problem) {
        String s = problem.defaults().get(ProblemDefaults.STEPS);
        try {
            return s == null ? DEFAULT_STEPS : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_STEPS;
        }
    }

    /** @param text the option's value @return the settings, null for fixed @throws GeopinnException one line, naming the option */
    static Collocation collocation(String text) {
        try {
            return Collocation.parse(text);
        } catch (GeopinnException e) {
            throw new GeopinnException("--" + e.getMessage());
        }
    }

    /**
     * @param text {@code --output-map}'s value
     * @param fields the problem's field count
     * @return the model options it gives: none for {@code auto} (the engine's rule decides), the
     *         identity map for {@code none}
     * @throws GeopinnException one line, naming the option
     */
    static Map<String, String> outputMap(String text, int fields) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto":
                return Map.of();
            case "none":
                return Map.of(org.geopinn.api.model.ModelSpec.OUTPUT_SCALE, String.join(",", java.util.Collections.nCopies(fields, "1")));
            default:
                throw new GeopinnException("--output-map: '" + Text.quote(text) + "' is neither auto nor none");
        }
    }

    /** @return the windows of {@code --time-marching K}: 0 or 1 for none, else at least 2 */
    static int timeWindows(Options o) {
        long k = o.longValue("time-marching", 0, 0);
        if (k > 1000) {
            throw new GeopinnException("--time-marching: " + k + " windows is too many (at most 1000)");
        }
        return (int) k;
    }

    static LossScaling scaling(String text) {
        try {
            return LossScaling.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GeopinnException("--scaling: '" + text + "' is not one of mean, sum, measure");
        }
    }

    /**
     * @param text a single count (for the interior conditions) or name=count pairs
     * @param problem the problem
     * @return counts per condition name
     */
    static Map<String, Integer> points(String text, Problem problem) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (!text.contains("=")) {
            int n = count(text, "--points");
            for (Condition c : problem.conditions()) {
                if (problem.domain().part(c.part()).kind() == DomainPart.Kind.INTERIOR) {
                    counts.put(c.name(), n);
                }
            }
            return counts;
        }
        List<String> names = problem.conditions().stream().map(Condition::name).toList();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            if (eq < 0 || !names.contains(name)) {
                throw new GeopinnException("--points: '" + pair.trim() + "' is not NAME=COUNT with NAME one of " + names);
            }
            counts.put(name, count(pair.substring(eq + 1), "--points " + name));
        }
        return counts;
    }

    private static int count(String text, String what) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new GeopinnException(what + ": '" + text.trim() + "' is not a positive whole number");
    }

    /** @return the widths as {@code 32,32} */
    static String join(int[] w) {
        return String.join(",", Arrays.stream(w).mapToObj(Integer::toString).toList());
    }
}
