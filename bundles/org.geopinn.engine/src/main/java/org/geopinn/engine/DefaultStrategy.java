package org.geopinn.engine;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The optimizer chain and the loss weighting a session uses when
 * neither the user nor the problem names one. It looks only at what any problem shows: the number
 * of parameters P, the number of residual rows S, whether every operator is affine in the fields,
 * and whether there is a time variable. The rule and the measurements behind it are in
 * docs/STRATEGY.md.
 */
final class DefaultStrategy {
    /**
     * Work of one damped Gauss–Newton step, in multiply-adds: the Gram matrix of the cheaper side
     * costs S·P·min(S,P) (JJᵀ, S×S, when S &lt; P; JᵀJ otherwise). Up to this a step takes about
     * a second on one idle laptop core with the native BLAS (docs/STRATEGY.md: the coupled 1-D
     * systems, P ≈ 25 000–38 000 with S ≈ 500–800, cost 0.7–2.3·10¹⁰ and take 1–3 s a step on the
     * loaded shared machine); a larger step leaves too few steps in a session's minutes.
     */
    static final double GAUSS_NEWTON_MAX_WORK = 2.5e10;
    /**
     * The Jacobian (S·P doubles) and the Gram matrices (three of min(S,P)² doubles: the product,
     * its damped copy, its Cholesky factor) may take up to this fraction of the heap; the rest is
     * the model's, the operator engine's and the session's.
     */
    static final double GAUSS_NEWTON_HEAP_FRACTION = 0.25;
    /**
     * Above this work per step (multiply-adds of the Gram matrix, S·P·min(S,P)) damped
     * Gauss–Newton gets too few steps in a session's minutes, and a network small enough for a
     * dense inverse Hessian (P ≤ {@link #QUASI_NEWTON_MAX_PARAMETERS}) is trained by self-scaled
     * BFGS instead, whose step costs a few gradients and O(P²). Damped Gauss–Newton needs hundreds
     * of steps (docs/STRATEGY.md: 300–500 on burgers, 600–700 to 1e-5 on heat); the coupled 1-D
     * systems' steps of 0.7–2.3·10¹⁰ took 1–3 s on this two-core machine, so 5·10⁹ is at most about
     * a second a step: 300 steps in five minutes. Measured: heat2d-spacetime (P = 1889, S = 4800, 1.7·10¹⁰) reached a relative
     * error of 1.6e-2 with {@code ssbfgs} (234 steps) against 8.2e-2 with {@code lm} (17 steps) in the same 240 s; burgers
     * (2.2·10⁹) is best with {@code lm} and resampling.
     */
    static final double GAUSS_NEWTON_CHEAP_WORK = 5e9;
    /**
     * The largest P the dense quasi-Newton rule takes: its inverse Hessian is 8·P² bytes (3.2 GB at
     * 20 000, the {@code ssbfgs} optimizer's own limit) and must also fit in
     * {@link #GAUSS_NEWTON_HEAP_FRACTION} of the heap.
     */
    static final int QUASI_NEWTON_MAX_PARAMETERS = 20_000;
    /** Costly damped Gauss–Newton steps on a network small enough for a dense inverse Hessian. */
    static final String QUASI_NEWTON = "ssbfgs";
    /**
     * Small problems, linear or not: damped Gauss–Newton from the first step. An Adam warm-up was
     * measured worse on Burgers (docs/STRATEGY.md): its 1000 steps cost most of the budget and
     * left the error where LM alone had passed it.
     */
    static final String SMALL = "lm";
    /**
     * Small linear problems: damped Gauss–Newton with Marquardt's scaling D = diag(JᵀJ) (Moré
     * 1978, as in MINPACK), λ relative to each parameter's own curvature. On an affine operator the
     * Gauss–Newton model is exact in function space, and what holds the last digits back is the
     * damping itself: with D = I Nielsen's rule settles where ρ ≈ ½, and λ then damps the
     * parameters whose columns of J are small as much as the large ones. Measured on laplace2d at
     * equal step counts (docs/STRATEGY.md, "The last digits of a linear problem"): 1.5–16× lower
     * error after 600 steps on every seed; on burgers (nonlinear) it was worse (an 18× higher loss
     * after 50 steps), so nonlinear problems keep D = I. Only where it was measured: S ≥ P (the
     * P×P normal equations); the wide coupled systems (S &lt; P) keep D = I until measured.
     */
    static final String SMALL_LINEAR = "lm(scaling=jacobian)";
    /** The damped Gauss–Newton optimizer's id. */
    static final String LM_ID = "lm";
    /**
     * Many parameters: first-order steps, then quasi-Newton; neither forms a Jacobian. The
     * first-order stage is SOAP (Vyas et al., "SOAP: improving and stabilizing Shampoo using Adam",
     * 2024; for PINNs Wang et al., "Gradient alignment in physics-informed neural networks: a
     * second-order optimization perspective", 2025): Adam run in the eigenbasis of a Shampoo
     * preconditioner per weight matrix, which aligns the gradients of conditions that pull apart.
     * Where this branch is reached a step is a full gradient over many rows (seconds), so what
     * counts is the progress per step. Measured at equal step counts, SOAP with the coupling
     * study's settings against Adam, both with gradient-norm weighting (docs/BENCHMARKS.md, suite
     * {@code coupling}): SOAP ahead on all six coupled 1-D cases after 2000 steps, 1.1–240× lower
     * median error over 3 seeds; electroosmotic2d in docs/STRATEGY.md ("The two slow problems of
     * the generality suite").
     */
    static final String LARGE = "soap(lr=1e-3;beta1=0.99;beta2=0.999):2000,lbfgs";
    /** The large branch without {@code soap} installed: Adam, then L-BFGS. */
    static final String LARGE_WITHOUT_SOAP = "adam:2000,lbfgs";
    /** The first-order optimizer of {@link #LARGE}. */
    static final String SOAP_ID = "soap";
    /** Without {@code lm} installed, the natural-gradient step plays its part on linear problems. */
    static final String LINEAR_SMALL_WITHOUT_LM = "anagram";
    /**
     * Problems trained by {@code lm} with at least as many rows as parameters: residual-adaptive
     * resampling every this many steps. A nonlinear PDE forms layers (shocks, interfaces) narrower
     * than the spacing of the points; damped Gauss–Newton fits fixed points in tens of steps and then
     * drives the residual down there while the error between them stays (docs/STRATEGY.md: burgers
     * 1.2e-3 with fixed points at a loss of 2.5e-9, 1e-4 with resampling). A linear problem's
     * condition is renewed only when its residual between the points is ten times the one at them
     * ({@link HeldOutFit}): a 2-D Helmholtz solution of four periods, 2.9e-4 on fixed points in 120 s,
     * reached 3.2e-5 so; the problems whose fit holds between the points keep them.
     */
    static final int GAUSS_NEWTON_RESAMPLE_EVERY = 50;
    /**
     * Every problem trained by {@code ssbfgs} alone, linear or not: residual-adaptive resampling
     * every this many steps. A quasi-Newton step is cheap, so such a run takes thousands of them and
     * reaches the floor of its fixed points — the loss keeps falling, the error between the points
     * does not (docs/STRATEGY.md: heat2d-spacetime stalled at 5.5e-4 with a loss of 3e-12 from
     * about step 6000; renewed every 500, 1000 or 2000 steps it went on to 2–3e-5 in the same 300 s).
     */
    static final int QUASI_NEWTON_RESAMPLE_EVERY = 1000;
    /**
     * The hidden layers of a problem that names no network (a PDE declared in a file, a
     * third-party problem): three layers of 20. One layer of 32 (P = 129 in two dimensions, the
     * earlier default) was the bound on a PDE the project had never seen: on a 1+1-D Klein–Gordon
     * equation with u = x·cos 5πt + (xt)³ it reached a relative error of 3.5e-2 after 400 damped
     * Gauss–Newton steps, three layers of 20 (P = 921) 1.3e-4 after 400 (docs/STRATEGY.md). Depth
     * is what the PINN literature uses for such solutions (Raissi, Perdikaris &amp; Karniadakis
     * 2019: 9×20 on Burgers), and the built-in nonlinear benchmarks already name 20,20,20.
     */
    static final int[] DEFAULT_HIDDEN = {20, 20, 20};
    /**
     * Weighting of nonlinear time-dependent problems, and of linear ones whose chain is not {@code lm} alone:
     * causal weights over time slices (Wang, Sankaran &amp; Perdikaris, "Respecting causality for training
     * physics-informed neural networks", 2024). A nonlinear evolution can be fitted by a field with small
     * residuals that has left the solution (Allen–Cahn's layers with the wrong sign); the causal weights
     * keep the later times from being fitted before the earlier ones.
     */
    static final String TIME_WEIGHTING = "causal";
    /**
     * Weighting of problems without time trained by damped Gauss–Newton alone: the conditions
     * balanced by the traces of their blocks of the neural tangent kernel JJᵀ (Wang, Yu &amp;
     * Perdikaris, "When and why PINNs fail to train: a neural tangent kernel perspective", 2022),
     * every 10 steps (the weighting's default). Why: {@code lm} damps every row alike, so a
     * condition's share of the kernel decides how fast it is fitted, and an operator's rows
     * (second derivatives of the network) carry far more of the kernel than the values on the
     * boundary, whose misfit is what the error follows. First on the S×S side (S &lt; P, the coupled
     * systems with one network per field, whose conditions differ most; measured on the
     * Nernst–Planck–Poisson layer and the reaction–diffusion system, docs/STRATEGY.md). Since
     * 4 Dec 2026 on the P×P side too, once the traces were read exactly from the Jacobian instead of
     * estimated with 64 probes (which had cost half the steps of a small problem and, through their
     * noise, biharmonic1d's last four digits): on the eight single-network problems without time,
     * 120 s each, the error was 3.7–18× lower on three (laplace5d and a quasi-linear Poisson
     * equation on two seeds each, 3-D Poisson), level on the others, and 3.5× higher at the end on
     * one seed of laplace2d (lower until 60 s; level on the other seed) (docs/STRATEGY.md, "Trace
     * balancing where S ≥ P"). Since 4 Dec 2026 also for linear time-dependent problems under {@code lm}
     * alone, in place of causal weights: at 120 s the 1-D wave's error 12–250× lower, advection's 1.8–6.7×,
     * heat's level on three seeds of four and 14× higher on one; nonlinear ones keep causal weights, since balanced conditions led Allen–Cahn to a wrong
     * solution with a low loss (docs/STRATEGY.md, "Trace balancing on linear time-dependent problems").
     */
    static final String LM_WEIGHTING = "ntk";

    /**
     * What the rule sees.
     *
     * @param parameters P
     * @param rows S, the residual rows (collocation points of every condition)
     * @param linear whether every condition's operator is affine in the fields
     * @param time whether the problem has the time variable {@code t}
     * @param networkRows with one network per field: for each field's network the rows whose
     *        operator contains that field (the rows where the Jacobian is non-zero on its
     *        parameters); empty for one network
     * @param networkParameters the parameters of one field's network (with one network per field)
     */
    record Inputs(int parameters, long rows, boolean linear, boolean time, long[] networkRows, int networkParameters) {
        /** Copies the row counts so the record stays immutable. */
        Inputs {
            networkRows = networkRows == null ? new long[0] : networkRows.clone();
        }

        /**
         * One network for all fields.
         *
         * @param parameters P
         * @param rows S
         * @param linear affine operators
         * @param time a time variable
         */
        Inputs(int parameters, long rows, boolean linear, boolean time) {
            this(parameters, rows, linear, time, new long[0], 0);
        }

        /**
         * @return whether there are fewer rows than parameters (S &lt; P): damped Gauss–Newton then
         *         works through the S×S Gram matrix and can interpolate every point set
         */
        boolean fewerRowsThanParameters() {
            return rows < parameters;
        }

        /** @return min(S,P), the side of the Gram matrix damped Gauss–Newton factorizes */
        long gramSide() {
            return Math.min(parameters, rows);
        }

        /**
         * @return the multiply-adds of forming that Gram matrix, the bulk of a step: S·P·min(S,P);
         *         on the S×S side with one network per field Σ_k S_k²·P_k + S²·(P − Σ_k P_k), S_k
         *         the rows that depend on network k ({@code lm} skips the zero blocks of JJᵀ), e.g.
         *         a third of the dense figure on the three-field reaction–diffusion system
         */
        double gaussNewtonWork() {
            double dense = (double) parameters * rows * gramSide();
            if (networkRows.length == 0 || rows >= parameters) {
                return dense;
            }
            double sparse = 0;
            long shared = parameters;
            for (long r : networkRows) {
                sparse += (double) r * r * networkParameters;
                shared -= networkParameters;
            }
            sparse += (double) rows * rows * Math.max(0, shared);
            return Math.min(dense, sparse);
        }

        /** @return the bytes of the dense inverse Hessian of a quasi-Newton method, 8·P² */
        double inverseHessianBytes() {
            return 8.0 * parameters * parameters;
        }

        /** @return the bytes of the Jacobian and the three Gram-sized matrices of one step */
        double gaussNewtonBytes() {
            return 8.0 * ((double) parameters * rows + 3.0 * gramSide() * gramSide());
        }

        /** @return e.g. {@code P=129, S=1020, linear, no time} */
        String describe() {
            return String.format(Locale.ROOT, "P=%d, S=%d, %s, %s", parameters, rows, linear ? "linear" : "nonlinear",
                    time ? "time-dependent" : "no time variable")
                    + (networkRows.length > 0 ? ", one network per field" : "");
        }
    }

    /**
     * What the rule chose.
     *
     * @param chain the optimizer chain, as {@code --optimizer} text
     * @param weighting the loss weighting id, null for the default ({@code fixed})
     * @param reason one line: the inputs and the branch taken
     */
    record Choice(String chain, String weighting, String reason) {
    }

    private DefaultStrategy() {
    }

    /**
     * @param problemHidden the hidden widths the problem names (its {@code hidden} default), or null
     * @param parse turns the problem's text into widths
     * @return the problem's widths, else {@link #DEFAULT_HIDDEN}
     */
    static int[] hidden(String problemHidden, java.util.function.Function<String, int[]> parse) {
        return problemHidden != null && !problemHidden.isBlank() ? parse.apply(problemHidden) : DEFAULT_HIDDEN.clone();
    }

    /**
     * @param in what the rule sees
     * @param chainIds the optimizer ids of the chain the session will run (given or chosen)
     * @return the resampling period: {@link #GAUSS_NEWTON_RESAMPLE_EVERY} for a problem with at
     *         least as many rows as parameters whose chain is {@code lm} only (a linear problem's
     *         conditions renewed only where the fit does not hold between the points, {@link HeldOutFit}),
     *         {@link #QUASI_NEWTON_RESAMPLE_EVERY} for any problem whose chain is {@code ssbfgs}
     *         only, else 0. Fixed points with fewer rows than parameters (S &lt; P) {@code lm} can fit every point set
     *         exactly, so a renewal poses a new fitting problem and throws the fit back
     *         (docs/STRATEGY.md: a steady Burgers shock 2.8e-7 on fixed points against 2.1e-5
     *         renewed, npp1d 2.0e-6 against 1.1e-5, in 120 s); other chains were not measured
     *         with resampling
     */
    static int resampleEvery(Inputs in, java.util.List<String> chainIds) {
        if (quasiNewtonOnly(chainIds)) {
            return QUASI_NEWTON_RESAMPLE_EVERY;
        }
        return lmOnly(chainIds) && !in.fewerRowsThanParameters() ? GAUSS_NEWTON_RESAMPLE_EVERY : 0;
    }

    /**
     * @param in what the rule sees
     * @param chainIds the chain's optimizer ids
     * @return why {@link #resampleEvery} renews the points, for the session's first event
     */
    static String resamplingReason(Inputs in, java.util.List<String> chainIds) {
        if (quasiNewtonOnly(chainIds)) {
            return "quasi-Newton";
        }
        return in.linear() ? "damped Gauss-Newton; a condition only where its residual between the points exceeds "
                + (int) HeldOutFit.OVERFIT_RATIO + " times the one at them" : "nonlinear, damped Gauss-Newton";
    }

    private static boolean quasiNewtonOnly(java.util.List<String> chainIds) {
        return !chainIds.isEmpty() && chainIds.stream().allMatch(QUASI_NEWTON::equals);
    }

    /** @param chainIds the chain's optimizer ids @return whether every stage is {@code lm} */
    static boolean lmOnly(java.util.List<String> chainIds) {
        return !chainIds.isEmpty() && chainIds.stream().allMatch(LM_ID::equals);
    }

    /**
     * @param in what the rule sees
     * @param installed whether an optimizer or weighting id is installed
     * @return the chain and weighting
     */
    static Choice choose(Inputs in, Predicate<String> installed) {
        return choose(in, Runtime.getRuntime().maxMemory(), installed);
    }

    /**
     * @param in what the rule sees
     * @param heapBytes the heap the session's JVM may use ({@link Runtime#maxMemory()})
     * @param installed whether an optimizer or weighting id is installed
     * @return the chain and weighting
     */
    static Choice choose(Inputs in, long heapBytes, Predicate<String> installed) {
        boolean fast = in.gaussNewtonWork() <= GAUSS_NEWTON_MAX_WORK;
        boolean fits = in.gaussNewtonBytes() <= GAUSS_NEWTON_HEAP_FRACTION * heapBytes;
        boolean small = fast && fits;
        String chain;
        String branch;
        boolean costly = in.gaussNewtonWork() > GAUSS_NEWTON_CHEAP_WORK;
        boolean denseFits = in.parameters() <= QUASI_NEWTON_MAX_PARAMETERS
                && in.inverseHessianBytes() <= GAUSS_NEWTON_HEAP_FRACTION * heapBytes;
        if (costly && denseFits && installed.test(QUASI_NEWTON)) {
            chain = QUASI_NEWTON;
            branch = String.format(Locale.ROOT, "a Gauss-Newton step would cost %.1e multiply-adds (more than %.1e: too few steps "
                    + "in minutes) and P fits a dense inverse Hessian: self-scaled BFGS", in.gaussNewtonWork(), GAUSS_NEWTON_CHEAP_WORK);
        } else if (small && installed.test(LM_ID)) {
            boolean scaled = in.linear() && !in.fewerRowsThanParameters();
            chain = scaled ? SMALL_LINEAR : SMALL;
            branch = String.format(Locale.ROOT, "damped Gauss-Newton (Levenberg-Marquardt%s) through the %d-sided Gram matrix, "
                    + "%.1e multiply-adds a step", scaled ? ", Marquardt's scaling on a linear problem" : "", in.gramSide(),
                    in.gaussNewtonWork());
        } else if (small && in.linear() && installed.test("anagram")) {
            chain = LINEAR_SMALL_WITHOUT_LM;
            branch = "small and linear, lm not installed: natural gradient";
        } else {
            boolean soap = installed.test(SOAP_ID);
            chain = soap ? LARGE : LARGE_WITHOUT_SOAP;
            String then = soap ? "SOAP, then L-BFGS" : "Adam, then L-BFGS";
            branch = small ? "lm not installed: " + then
                    : !fast ? String.format(Locale.ROOT, "large: a Gauss-Newton step would cost %.1e multiply-adds (limit %.1e): %s",
                            in.gaussNewtonWork(), GAUSS_NEWTON_MAX_WORK, then)
                    : String.format(Locale.ROOT, "large: the Jacobian would take %.0f MB of %.0f MB heap: %s",
                            in.gaussNewtonBytes() / 1e6, heapBytes / 1e6, then);
        }
        String weighting = weighting(in, chain.equals(SMALL) || chain.equals(SMALL_LINEAR) ? java.util.List.of(LM_ID) : java.util.List.of(chain),
                installed);
        String reason = "default strategy for " + in.describe() + ": " + branch + describeWeighting(weighting);
        return new Choice(chain, weighting, reason);
    }

    /**
     * @param in what the rule sees
     * @param chainIds the optimizer ids of the chain the session will run (given or chosen)
     * @param installed whether a weighting id is installed
     * @return {@link #LM_WEIGHTING} when the chain is {@code lm} only and the problem has no time variable or
     *         is linear; else {@link #TIME_WEIGHTING} with a time variable; else null (the problem's weights)
     */
    static String weighting(Inputs in, java.util.List<String> chainIds, Predicate<String> installed) {
        // time-dependent problems keep causal weights unless they are linear: a well-posed linear problem has no
        // wrong solution with a low loss for the balance to settle into (docs/STRATEGY.md, "Trace balancing on
        // linear time-dependent problems")
        if (lmOnly(chainIds) && (!in.time() || in.linear()) && installed.test(LM_WEIGHTING)) {
            return LM_WEIGHTING;
        }
        return in.time() && installed.test(TIME_WEIGHTING) ? TIME_WEIGHTING : null;
    }

    /**
     * @param weighting what {@link #weighting} chose, or null
     * @return the words the strategy's reason adds for it
     */
    static String describeWeighting(String weighting) {
        return TIME_WEIGHTING.equals(weighting) ? ", causal weighting over time"
                : LM_WEIGHTING.equals(weighting) ? ", conditions balanced by their NTK traces" : "";
    }
}
