package org.geopinn.weighting;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.weighting.LossWeighting;

/**
 * Causal weighting (Wang, Sankaran &amp; Perdikaris 2024). The time range [t_min, t_max] of each
 * weighted condition's points is cut into M equal slices; L_k is the mean squared residual of the
 * points in slice k as the loss counts them without row weights (with the default MEAN scaling and
 * condition weight 1 that is the paper's (1/N_k) Σ R²), and every row of slice i gets the weight
 * w_i = exp(−ε Σ_{k&lt;i} L_k), so a slice only counts once the earlier ones are resolved. The
 * weights are data to the optimizer (not differentiated): they are rows weights of the residual
 * system ({@link ResidualSystem#setRowWeights}). When min w_i &gt; δ, ε takes its next value.
 *
 * <p>The slices follow the points' own time range, so they also fit a time-marching window.
 */
final class CausalWeighting implements LossWeighting {
    /** Weights are kept above this so a row's unweighted residual can still be read back from it. */
    static final double FLOOR = 1e-250;
    /** State names: how many times ε advanced, and its value. */
    static final String STATE_ADVANCES = "causal.epsilon_advances";
    static final String STATE_EPSILON = "causal.epsilon";

    private final int slices;
    private final EpsilonSchedule epsilon;
    private final double threshold;
    private final int interval;
    private final double tolerance;
    private final int timeColumn;
    private final int dimension;
    private final List<String> names;

    // Per weighted group, rebuilt when the system's points change.
    private long seenRevision = Long.MIN_VALUE;
    private int[][] sliceOf = new int[0][];
    private double[][] rowWeights = new double[0][];
    /** Whether {@link #rowWeights} holds the row weights the system applies now, per group. */
    private boolean[] applied = new boolean[0];
    /** Slice weights as last written to the system, per group; null before the first write. */
    private double[][] written = new double[0][];
    private final double[] sliceLoss;
    private final int[] sliceCount;
    private final double[] sliceWeight;
    private double[] residual = new double[0];

    /**
     * @param slices M
     * @param epsilon the ε schedule
     * @param threshold δ
     * @param interval update period in steps
     * @param tolerance smallest change of a slice weight that is written
     * @param timeColumn the index of the time variable
     * @param dimension the number of variables
     * @param names the conditions to weight
     */
    CausalWeighting(int slices, EpsilonSchedule epsilon, double threshold, int interval, double tolerance, int timeColumn,
            int dimension, List<String> names) {
        this.slices = slices;
        this.epsilon = epsilon;
        this.threshold = threshold;
        this.interval = interval;
        this.tolerance = tolerance;
        this.timeColumn = timeColumn;
        this.dimension = dimension;
        this.names = List.copyOf(names);
        this.sliceLoss = new double[slices];
        this.sliceCount = new int[slices];
        this.sliceWeight = new double[slices];
    }

    /** @return the current ε */
    double epsilon() {
        return epsilon.value();
    }

    /**
     * {@inheritDoc} The ε schedule's position: the slice weights follow from it and the residuals,
     * so the resumed run's first update writes the same weights again.
     */
    @Override
    public Map<String, Double> exportState() {
        return Map.of(STATE_ADVANCES, (double) epsilon.advances(), STATE_EPSILON, epsilon.value());
    }

    @Override
    public void importState(Map<String, Double> state) {
        Double advances = state.get(STATE_ADVANCES);
        Double value = state.get(STATE_EPSILON);
        if (advances != null && value != null) {
            epsilon.restore((int) Math.round(advances), value);
        }
    }

    @Override
    public boolean update(ResidualSystem system, double[] theta, long step) {
        if (step % interval != 0) {
            return false;
        }
        boolean fresh = system.revision() != seenRevision;
        if (fresh) {
            locate(system); // new points (or a first call): slices and row weights start again
        }
        if (residual.length != system.residualCount()) {
            residual = new double[system.residualCount()];
        }
        system.residuals(theta, residual);
        boolean changed = false;
        for (int g = 0; g < names.size(); g++) {
            ResidualGroup group = group(system, names.get(g));
            if (!sliceWeights(group, g)) {
                continue; // a non-finite residual must not poison the weights
            }
            while (min(sliceWeight) > threshold && epsilon.advance()) {
                sliceWeights(group, g); // the paper's rule: a resolved range moves on to a larger ε
            }
            if (fresh || written[g] == null || maxChange(written[g], sliceWeight) > tolerance) {
                int[] slice = sliceOf[g];
                double[] w = rowWeights[g];
                for (int i = 0; i < w.length; i++) {
                    w[i] = sliceWeight[slice[i]];
                }
                system.setRowWeights(group.name(), w);
                written[g] = sliceWeight.clone();
                applied[g] = true;
                changed = true;
            }
        }
        seenRevision = system.revision();
        return changed;
    }

    /**
     * Fills {@link #sliceWeight} from the current residuals of one group.
     *
     * @return false when a slice loss is not finite
     */
    private boolean sliceWeights(ResidualGroup group, int g) {
        Arrays.fill(sliceLoss, 0);
        Arrays.fill(sliceCount, 0);
        int[] slice = sliceOf[g];
        double[] w = rowWeights[g];
        boolean weighted = applied[g];
        for (int i = 0; i < group.size(); i++) {
            double r = residual[group.offset() + i];
            double rho = weighted ? w[i] : 1;
            sliceLoss[slice[i]] += r * r / rho;
            sliceCount[slice[i]]++;
        }
        double cumulative = 0;
        for (int k = 0; k < slices; k++) {
            sliceWeight[k] = Math.max(FLOOR, Math.exp(-epsilon.value() * cumulative));
            // rows hold c·raw with c² = (condition weight)/n under MEAN scaling: n/n_k·Σ_k row² is the slice's mean
            double mean = sliceCount[k] == 0 ? 0 : sliceLoss[k] * group.size() / sliceCount[k];
            if (!Double.isFinite(mean)) {
                return false;
            }
            cumulative += mean;
        }
        return true;
    }

    /** Reads the points' times and sorts each row into its slice. */
    private void locate(ResidualSystem system) {
        int n = names.size();
        sliceOf = new int[n][];
        rowWeights = new double[n][];
        written = new double[n][];
        applied = new boolean[n];
        for (int g = 0; g < n; g++) {
            String name = names.get(g);
            double[] points = system.points(name);
            int rows = points.length / dimension;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                double t = points[i * dimension + timeColumn];
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
            int[] slice = new int[rows];
            double width = hi > lo ? (hi - lo) / slices : 1;
            for (int i = 0; i < rows; i++) {
                int k = (int) ((points[i * dimension + timeColumn] - lo) / width);
                slice[i] = Math.min(slices - 1, Math.max(0, k));
            }
            sliceOf[g] = slice;
            double[] current = system.rowWeights(name); // kept when only the condition weights changed
            applied[g] = current != null && current.length == rows;
            rowWeights[g] = applied[g] ? current : new double[rows];
        }
    }

    private static ResidualGroup group(ResidualSystem system, String name) {
        for (ResidualGroup g : system.groups()) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new GeopinnException("causal weighting: no condition named '" + name + "'; conditions are "
                + system.groups().stream().map(ResidualGroup::name).toList());
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double maxChange(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
