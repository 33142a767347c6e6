package org.geopinn.weighting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.weighting.LossWeighting;

/**
 * NTK trace balancing (Wang, Yu &amp; Perdikaris, "When and why PINNs fail to train: a neural
 * tangent kernel perspective", 2022): t_g = tr(K_gg), the trace of condition g's block of the
 * kernel K = J̃J̃ᵀ of the system's rows at weight 1 (under the default mean scaling the mean over
 * its points of ‖∇θ r_i‖²), and w_g = Σ_h t_h / t_g, so every weighted block has the same trace.
 * <p>Why: the kernel's blocks are the speeds at which gradient flow — and, through the damping
 * λI of JJᵀ + λI, damped Gauss–Newton — fits each condition. A condition whose block is much
 * smaller than the others' (a boundary condition beside an operator with large coefficients) is
 * fitted last, and a damping set relative to the largest diagonal holds it back most.
 * <p>With {@code rows}, the rows within a condition are equilibrated too: ρ_i = mean_g(K_ii)/K_ii
 * through {@link ResidualSystem#setRowWeights}, so every row of a condition has the same diagonal
 * (Jacobi scaling of JJᵀ; a row's weighted residual is then about the parameter distance that
 * would satisfy it, r_i/‖∇r_i‖). Row weights are dropped when the points change, so they are
 * renewed at the first update after a revision this policy did not cause.
 * <p>The diagonal of K is K_ii = ‖J̃_i‖², read from the Jacobian when it holds at most
 * {@code exactLimit} entries (S·P; by default 2²², 32 MiB of doubles). A larger system (the coupled systems with one network per field:
 * S·P of 1.3–2.9·10⁷) gets Hutchinson's estimate, K_ii ≈ mean over probes of (J̃v)_i² with random ±1
 * vectors v from a fixed seed (one J̃v product per probe, no Jacobian formed; exact when J̃ is
 * diagonal; why not everywhere: {@link NtkTraceConfig#exact_limit}). Buffers are allocated at
 * the first update.
 */
final class NtkTraceBalancing implements LossWeighting {
    private final int interval;
    private final int probes;
    private final long seed;
    private final double maxWeight;
    private final boolean rows;
    private final long exactLimit;
    private double[] probe = new double[0];
    private double[] product = new double[0];
    private double[] jacobian = new double[0];
    private double[] diagonal = new double[0];
    private double[] traces = new double[0];
    private boolean balanced;
    /** The traces a resumed run's saved state holds ({@link #importState}); empty otherwise. */
    private double[] restored = new double[0];
    private long revisionAfter = Long.MIN_VALUE;

    /**
     * @param interval update every this many steps; 0 for once
     * @param probes Hutchinson probes, at least 1
     * @param seed the probes' seed
     * @param maxWeight the largest weight (infinity for none)
     * @param rows whether to equilibrate the rows within each condition too
     * @param exactLimit the most Jacobian entries S·P for which the diagonal is read exactly; larger systems are probed
     */
    NtkTraceBalancing(int interval, int probes, long seed, double maxWeight, boolean rows, long exactLimit) {
        if (probes < 1) {
            throw new org.geopinn.api.GeopinnException("weighting 'ntk': probes must be at least 1; got " + probes);
        }
        this.interval = interval;
        this.probes = probes;
        this.seed = seed;
        this.maxWeight = maxWeight;
        this.rows = rows;
        this.exactLimit = exactLimit;
    }

    @Override
    public boolean update(ResidualSystem system, double[] theta, long step) {
        boolean pointsChanged = rows && balanced && system.revision() != revisionAfter;
        boolean due = !balanced || pointsChanged || (interval > 0 && step % interval == 0);
        if (!due) {
            return false;
        }
        // a resumed run takes its saved traces, unless this step is one an uninterrupted run re-balances at
        boolean resumed = !balanced && restored.length == system.groups().size() && !rows
                && !(interval > 0 && step % interval == 0);
        if (resumed) {
            traces = restored.clone();
        }
        double[] t = resumed ? traces : traces(system, theta);
        double total = 0;
        for (double v : t) {
            total += v;
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            return false; // a zero or non-finite kernel must not poison the weights
        }
        if (rows) {
            equilibrateRows(system);
        }
        double[] w = system.weights();
        for (int g = 0; g < w.length; g++) {
            // a condition with no sensitivity at all (t = 0) keeps its weight: no weight can make it move
            w[g] = t[g] > 0 ? Math.min(maxWeight, total / t[g]) : w[g];
        }
        system.setWeights(w);
        balanced = true;
        revisionAfter = system.revision();
        return true;
    }

    /** Row weights ρ_i = mean_g(K_ii)/K_ii of the unweighted rows (mean 1 in each condition, so its trace is kept). */
    private void equilibrateRows(ResidualSystem system) {
        for (ResidualGroup group : system.groups()) {
            double mean = 0;
            for (int i = group.offset(); i < group.offset() + group.size(); i++) {
                mean += diagonal[i] / group.size();
            }
            if (!(mean > 0)) {
                continue;
            }
            double[] rho = new double[group.size()];
            for (int i = 0; i < rho.length; i++) {
                double d = diagonal[group.offset() + i];
                // a row without sensitivity keeps weight 1; no row gets more than 10⁶ of the mean's
                rho[i] = d > 0 ? Math.min(1e6, mean / d) : 1;
            }
            system.setRowWeights(group.name(), rho);
        }
    }

    /**
     * @param system the residual system
     * @param theta the parameters
     * @return the estimated trace of each condition's kernel block at weight 1 (a view, valid until the next call)
     */
    double[] traces(ResidualSystem system, double[] theta) {
        int s = system.residualCount();
        int p = system.parameterCount();
        List<ResidualGroup> groups = system.groups();
        if (probe.length != p) {
            probe = new double[p];
        }
        if (product.length != s) {
            product = new double[s];
            diagonal = new double[s];
        }
        if (traces.length != groups.size()) {
            traces = new double[groups.size()];
        }
        // a Java array holds at most about 2³¹ entries, whatever exact_limit says
        if ((long) s * p <= Math.min(exactLimit, Integer.MAX_VALUE - 8)) {
            exactDiagonal(system, theta, s, p);
        } else {
            estimatedDiagonal(system, theta, s, p);
        }
        double[] w = system.weights();
        for (int g = 0; g < traces.length; g++) {
            ResidualGroup group = groups.get(g);
            double[] rho = system.rowWeights(group.name());
            double sum = 0;
            for (int i = 0; i < group.size(); i++) {
                // the rows carry √(w_g·ρ_i): the unweighted diagonal
                double scale = w[g] * (rho == null ? 1 : rho[i]);
                double d = scale > 0 ? diagonal[group.offset() + i] / scale : 0;
                diagonal[group.offset() + i] = d;
                sum += d;
            }
            traces[g] = sum;
        }
        return traces;
    }

    /** K_ii = ‖J̃_i‖², the squared norm of row i of the (weighted) Jacobian. */
    private void exactDiagonal(ResidualSystem system, double[] theta, int s, int p) {
        if (jacobian.length != s * p) {
            jacobian = new double[s * p];
        }
        system.jacobian(theta, jacobian);
        for (int i = 0; i < s; i++) {
            double sum = 0;
            for (int j = i * p, end = j + p; j < end; j++) {
                sum += jacobian[j] * jacobian[j];
            }
            diagonal[i] = sum;
        }
    }

    /** K_ii ≈ mean over the probes v of (J̃v)_i² (Hutchinson). */
    private void estimatedDiagonal(ResidualSystem system, double[] theta, int s, int p) {
        java.util.Arrays.fill(diagonal, 0);
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < probes; k++) {
            for (int j = 0; j < p; j++) {
                probe[j] = random.nextBoolean() ? 1 : -1;
            }
            system.jacobianTimes(theta, probe, product);
            for (int i = 0; i < s; i++) {
                diagonal[i] += product[i] * product[i] / probes;
            }
        }
    }

    /**
     * Takes the traces a run saved, so that a resumed run keeps that run's weights instead of
     * balancing again on the kernel of the trained network: a second balancing once a layer has
     * formed changes the weights by orders of magnitude (docs/STRATEGY.md: npp1d's weighted loss
     * went from 1.6 to 1.4·10⁶ at the first resumed step). With {@code rows} the row weights
     * depend on the points, which a resumed run redraws, so that form balances again.
     *
     * @param state {@code trace.0}, {@code trace.1}, … as {@link #exportState} wrote them
     */
    @Override
    public void importState(Map<String, Double> state) {
        int n = 0;
        while (state.containsKey("trace." + n)) {
            n++;
        }
        double[] t = new double[n];
        for (int g = 0; g < n; g++) {
            t[g] = state.get("trace." + g);
        }
        restored = t;
    }

    /** @return the last estimated traces by condition index ({@code trace.0}, …), for the record of a run */
    @Override
    public Map<String, Double> exportState() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int g = 0; g < traces.length; g++) {
            out.put("trace." + g, traces[g]);
        }
        return out;
    }
}
