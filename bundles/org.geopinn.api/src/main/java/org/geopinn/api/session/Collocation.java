package org.geopinn.api.session;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.geopinn.api.GeopinnException;

/**
 * Learned collocation points (Schwencke &amp; Furtlehner, "ANaGRAM: A Natural Gradient Relative to
 * Adapted Model for efficient PINNs learning", 2025; the "empirical natural gradient" part of their
 * slides): every {@code every} optimizer steps the points of the interior conditions are moved by
 * {@code steps} natural-gradient steps on ‖Σ α_i K_θ(x_i, ·) − r‖², K_θ the operator-applied tangent
 * kernel and r the condition's residual, so that the empirical natural gradient on the points comes
 * close to the one on the whole domain. The text form is
 * {@code learned(every=N;steps=M[;cutoff=adaptive|τ][;reference=R][;kernel=natural|tangent][;rounds=K][;objective=projection|gradient][;start=current|chosen])}.
 *
 * <p>Two objectives. {@code projection} is the slides' distance above, with the coefficients α fitted
 * freely. {@code gradient} (the default) learns the points on the error of the step the optimizer takes on them,
 * ‖F A(x)_τ⁺ r(x) − F F⁺ r‖ (F the rows on the reference points, A(x) and r(x) the rows and residuals at the
 * points), with the cut-off τ adapted together with the points; it takes no {@code cutoff} or {@code kernel}
 * (docs/SAMPLERS.md, "The cut-off and the objective the optimizer sees").
 *
 * <p>Where learning starts: {@code start=current} moves the condition's current points; {@code start=chosen}
 * (the default) first chooses the condition's count among its current points and the round's fresh reference
 * points, as {@code chosen(…)} does (the maximum-volume rows by pivoted QR, rank cut-off
 * {@link #DEFAULT_CHOSEN_CUTOFF}), and moves those: "move (or choose)" done one after the other.
 *
 * <p>With {@code rounds=K} the points are renewed at the first K rounds only and then kept: the
 * optimizer goes on fitting the last set instead of meeting a new, untrained one every round
 * (docs/SAMPLERS.md measures both). 0 renews at every round. Learned points default to 1 (learned once, then kept:
 * the better of the two wherever both were measured), chosen points to 0.
 *
 * <p>The defaults are the combination measured best with ANaGRAM on scarce points (docs/SAMPLERS.md, "Learned once on
 * the optimizer's own error, from chosen points"); {@link #toString()} always writes every setting, so a
 * recorded form keeps its meaning if a default changes.
 *
 * <p>Chosen points, {@code chosen(every=N[;candidates=C][;cutoff=τ])}: every {@code every} steps the
 * points of every condition (data excepted) are chosen from C times as many candidates as the points
 * (the condition's current points and fresh ones of its sampler): the maximum-volume rows of the
 * operator's Jacobian by pivoted QR, then the next fresh candidates in the sampler's order
 * (docs/SAMPLERS.md).
 *
 * @param every learn every this many optimizer steps (&ge; 1)
 * @param steps learning steps per round (&ge; 1)
 * @param cutoff relative singular-value cut-off of the learner's solves; NaN for the adaptive rule
 *        (chosen each round on held-out reference points)
 * @param reference reference points of the L² inner product per learned point (&ge; 2)
 * @param natural the kernel whose sections represent the residual: true for the natural kernel
 *        ∂D[u](x)ᵀ G⁺ ∂D[u](y) (the slides'; its projection coefficients are those the empirical natural gradient
 *        on the points uses), false for the tangent kernel ∂D[u](x)ᵀ ∂D[u](y)
 * @param chosen true for chosen points (then {@code reference} is the candidates per point, {@code cutoff} the
 *        numerical-rank cut-off of the pivoted QR, and {@code steps} and {@code natural} are unused)
 * @param rounds renew the points at the first this many rounds only, then keep them (0: at every round)
 * @param objective what learned points minimise (unused by chosen points)
 * @param start where learning starts each round (unused by chosen points)
 */
public record Collocation(int every, int steps, double cutoff, int reference, boolean natural, boolean chosen, int rounds,
        Objective objective, Start start) {
    /** What learned points minimise. */
    public enum Objective {
        /** The slides' distance ‖Σ α_i K(x_i, ·) − r‖ with the coefficients α fitted freely. */
        PROJECTION,
        /** The error of the empirical natural gradient on the points, with the cut-off adapted together. */
        GRADIENT
    }

    /** Where each round's learning starts. */
    public enum Start {
        /** From the condition's current points. */
        CURRENT,
        /** From points chosen by pivoted QR among the current and the fresh ones. */
        CHOSEN
    }

    /** The objective when the text names none. */
    public static final Objective DEFAULT_OBJECTIVE = Objective.GRADIENT;
    /** Where learning starts when the text names nothing. */
    public static final Start DEFAULT_START = Start.CHOSEN;
    /** Rounds of learned points when the text names none: learned once, then kept (chosen points: 0, every round). */
    public static final int DEFAULT_LEARNED_ROUNDS = 1;

    /** The kernel when the text names none: the tangent kernel, the one whose learning steps are accepted (the natural one's barely move the points, docs/SAMPLERS.md). */
    public static final String DEFAULT_KERNEL = "tangent";
    /** A cut-off number or a kernel given with the gradient objective, which has neither. */
    private static final String GRADIENT_SETTINGS = "collocation: a cutoff number and kernel belong to objective=projection; add it, or drop them"
            + " (objective=gradient, the default, adapts its own cut-off and has no kernel)";
    /** The grammar, for messages. */
    public static final String FORM = "learned(every=N;steps=M[;cutoff=adaptive|TAU][;reference=R][;kernel=natural|tangent][;rounds=K][;objective=projection|gradient][;start=current|chosen])";
    /** The grammar of chosen points, for messages. */
    public static final String CHOSEN_FORM = "chosen(every=N[;candidates=C][;cutoff=TAU][;rounds=K])";
    /** Candidates per chosen point when the text names none (as many as residual-adaptive resampling draws, plus the current points). */
    public static final int DEFAULT_CANDIDATES = 5;
    /** The chosen points' rank cut-off when the text names none. */
    public static final double DEFAULT_CHOSEN_CUTOFF = 1e-6;

    /**
     * Learned points (the form before chosen points existed).
     *
     * @param every learn every this many optimizer steps
     * @param steps learning steps per round
     * @param cutoff the learner's cut-off, NaN for adaptive
     * @param reference reference points per learned point
     * @param natural the natural kernel rather than the tangent one
     */
    public Collocation(int every, int steps, double cutoff, int reference, boolean natural) {
        this(every, steps, cutoff, reference, natural, false, 0, Objective.PROJECTION, Start.CURRENT);
    }

    /**
     * Points renewed at every round (the form before {@code rounds} existed).
     *
     * @param every renew every this many optimizer steps
     * @param steps learning steps per round
     * @param cutoff the cut-off, NaN for adaptive (learned points)
     * @param reference reference points (learned) or candidates (chosen) per point
     * @param natural the natural kernel rather than the tangent one
     * @param chosen chosen rather than learned points
     */
    public Collocation(int every, int steps, double cutoff, int reference, boolean natural, boolean chosen) {
        this(every, steps, cutoff, reference, natural, chosen, 0, Objective.PROJECTION, Start.CURRENT);
    }

    /**
     * Learned points on the projection objective from the current points (the form before {@code objective} and
     * {@code start} existed).
     *
     * @param every renew every this many optimizer steps
     * @param steps learning steps per round
     * @param cutoff the cut-off, NaN for adaptive (learned points)
     * @param reference reference points (learned) or candidates (chosen) per point
     * @param natural the natural kernel rather than the tangent one
     * @param chosen chosen rather than learned points
     * @param rounds renew at the first this many rounds only (0: every round)
     */
    public Collocation(int every, int steps, double cutoff, int reference, boolean natural, boolean chosen, int rounds) {
        this(every, steps, cutoff, reference, natural, chosen, rounds, Objective.PROJECTION, Start.CURRENT);
    }

    /** Checks the ranges. */
    public Collocation {
        java.util.Objects.requireNonNull(objective, "objective");
        java.util.Objects.requireNonNull(start, "start");
        if (objective == Objective.GRADIENT && (chosen || natural || !Double.isNaN(cutoff))) {
            throw new GeopinnException(GRADIENT_SETTINGS);
        }
        if (rounds < 0) {
            throw new GeopinnException("collocation: rounds must be 0 (every round) or more, got " + rounds);
        }
        if (chosen && (every < 1 || reference < 2 || !(cutoff > 0 && cutoff < 1))) {
            throw new GeopinnException("collocation: every >= 1, candidates >= 2 and 0 < cutoff < 1 are needed, got every="
                    + every + ", candidates=" + reference + ", cutoff=" + cutoff);
        }
        if (!chosen && (every < 1 || steps < 1 || reference < 2 || !(Double.isNaN(cutoff) || cutoff >= 0 && cutoff < 1))) {
            throw new GeopinnException("collocation: every >= 1, steps >= 1, reference >= 2 and 0 <= cutoff < 1 (or adaptive) are needed, got every="
                    + every + ", steps=" + steps + ", reference=" + reference + ", cutoff=" + cutoff);
        }
    }

    /**
     * @param round a resampling round (1 for the first renewal)
     * @return whether the points are renewed at that round
     */
    public boolean renewsAt(long round) {
        return rounds == 0 || round <= rounds;
    }

    /** @return whether the cut-off is chosen each round */
    public boolean adaptiveCutoff() {
        return Double.isNaN(cutoff);
    }

    /**
     * @param text {@code learned(every=N;steps=M[;cutoff=adaptive|τ][;reference=R])}, or {@code fixed}
     * @return the settings, or null for {@code fixed} (points as the sampler and resampling give them)
     * @throws GeopinnException one line naming what is wrong and the form allowed
     */
    public static Collocation parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals("fixed")) {
            return null;
        }
        if (t.startsWith("chosen(") && t.endsWith(")")) {
            return parseChosen(t);
        }
        if (!t.startsWith("learned(") || !t.endsWith(")")) {
            throw new GeopinnException("collocation '" + t + "' is not 'fixed', " + FORM + " or " + CHOSEN_FORM);
        }
        Map<String, String> kv = new LinkedHashMap<>();
        String inner = t.substring("learned(".length(), t.length() - 1).trim();
        if (!inner.isEmpty()) {
            for (String pair : inner.split("[;,]")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair.trim() : pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                if (eq < 0 || !(key.equals("every") || key.equals("steps") || key.equals("cutoff") || key.equals("reference")
                        || key.equals("kernel") || key.equals("rounds") || key.equals("objective") || key.equals("start"))) {
                    throw new GeopinnException("collocation: '" + pair.trim() + "' is not every=N, steps=M, cutoff=adaptive|TAU, reference=R, kernel=natural|tangent, rounds=K, objective=projection|gradient or start=current|chosen; form " + FORM);
                }
                if (kv.put(key, pair.substring(eq + 1).trim()) != null) {
                    throw new GeopinnException("collocation: '" + key + "' is given twice");
                }
            }
        }
        if (!kv.containsKey("every") || !kv.containsKey("steps")) {
            throw new GeopinnException("collocation: every=N and steps=M are required; form " + FORM);
        }
        String c = kv.getOrDefault("cutoff", "adaptive");
        double cutoff;
        if (c.equals("adaptive")) {
            cutoff = Double.NaN;
        } else {
            try {
                cutoff = Double.parseDouble(c);
            } catch (NumberFormatException e) {
                throw new GeopinnException("collocation: cutoff '" + c + "' is not 'adaptive' or a number in [0, 1)");
            }
            if (!(cutoff >= 0 && cutoff < 1)) {
                throw new GeopinnException("collocation: cutoff " + c + " is not in [0, 1)");
            }
        }
        String kernel = kv.getOrDefault("kernel", DEFAULT_KERNEL);
        if (!kernel.equals("natural") && !kernel.equals("tangent")) {
            throw new GeopinnException("collocation: kernel '" + kernel + "' is not natural or tangent");
        }
        Objective objective = choice(kv, "objective", DEFAULT_OBJECTIVE);
        if (objective == Objective.GRADIENT && kv.containsKey("kernel")) {
            throw new GeopinnException(GRADIENT_SETTINGS); // the record sees only natural or not; a cut-off number it rejects itself
        }
        kv.putIfAbsent("rounds", Integer.toString(DEFAULT_LEARNED_ROUNDS));
        return new Collocation(positive(kv, "every", 1), positive(kv, "steps", 1), cutoff, positive(kv, "reference", 2),
                kernel.equals("natural"), false, positive(kv, "rounds", 0), objective, choice(kv, "start", DEFAULT_START));
    }

    /** @return the constant of {@code fallback}'s enum that {@code key} names in lower case, or {@code fallback} when it is not given */
    private static <E extends Enum<E>> E choice(Map<String, String> kv, String key, E fallback) {
        String v = kv.getOrDefault(key, text(fallback));
        java.util.List<String> names = new java.util.ArrayList<>();
        for (E e : fallback.getDeclaringClass().getEnumConstants()) {
            if (text(e).equals(v)) {
                return e;
            }
            names.add(text(e));
        }
        throw new GeopinnException("collocation: " + key + " '" + v + "' is not " + String.join(" or ", names));
    }

    /** @return a constant as the text form writes it */
    private static String text(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Collocation parseChosen(String t) {
        Map<String, String> kv = new LinkedHashMap<>();
        String inner = t.substring("chosen(".length(), t.length() - 1).trim();
        if (!inner.isEmpty()) {
            for (String pair : inner.split("[;,]")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair.trim() : pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                if (eq < 0 || !(key.equals("every") || key.equals("candidates") || key.equals("cutoff") || key.equals("rounds"))) {
                    throw new GeopinnException("collocation: '" + pair.trim() + "' is not every=N, candidates=C, cutoff=TAU or rounds=K; form " + CHOSEN_FORM);
                }
                if (kv.put(key, pair.substring(eq + 1).trim()) != null) {
                    throw new GeopinnException("collocation: '" + key + "' is given twice");
                }
            }
        }
        if (!kv.containsKey("every")) {
            throw new GeopinnException("collocation: every=N is required; form " + CHOSEN_FORM);
        }
        String c = kv.getOrDefault("cutoff", Double.toString(DEFAULT_CHOSEN_CUTOFF));
        double cutoff;
        try {
            cutoff = Double.parseDouble(c);
        } catch (NumberFormatException e) {
            throw new GeopinnException("collocation: cutoff '" + c + "' is not a number in (0, 1)");
        }
        if (!(cutoff > 0 && cutoff < 1)) {
            throw new GeopinnException("collocation: cutoff " + c + " is not in (0, 1)");
        }
        kv.putIfAbsent("candidates", Integer.toString(DEFAULT_CANDIDATES));
        return new Collocation(positive(kv, "every", 1), 0, cutoff, positive(kv, "candidates", 2), false, true, positive(kv, "rounds", 0));
    }

    private static int positive(Map<String, String> kv, String key, int min) {
        String v = kv.getOrDefault(key, key.equals("reference") ? "4" : key.equals("rounds") ? "0" : null);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= 1_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("collocation: " + key + " '" + v + "' is not an integer from " + min + " to 1000000");
    }

    /** @return the text form, parsed back by {@link #parse} */
    @Override
    public String toString() {
        if (chosen) {
            return "chosen(every=" + every + ";candidates=" + reference + ";cutoff=" + cutoff + roundsText() + ")";
        }
        if (objective == Objective.GRADIENT) {
            return "learned(every=" + every + ";steps=" + steps + ";reference=" + reference + ";rounds=" + rounds + ";objective=gradient;start=" + text(start) + ")";
        }
        return "learned(every=" + every + ";steps=" + steps + ";cutoff=" + (adaptiveCutoff() ? "adaptive" : Double.toString(cutoff))
                + ";reference=" + reference + ";kernel=" + (natural ? "natural" : "tangent") + ";rounds=" + rounds + ";objective=projection;start="
                + text(start) + ")";
    }

    private String roundsText() {
        return rounds == 0 ? "" : ";rounds=" + rounds;
    }
}
