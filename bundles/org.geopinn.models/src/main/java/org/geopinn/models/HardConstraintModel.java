package org.geopinn.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.problem.HardConstraint;

/**
 * A model whose constrained fields are u = g + φ · N for the network's output N ({@link HardConstraint}):
 * the boundary values hold exactly for every θ. Every input derivative an operator asks for is
 * exact, by Leibniz's rule ∂^α(φN) = Σ_{β≤α} C(α,β) ∂^{α−β}φ ∂^βN on the network's derivatives
 * (the network is asked for every β below a requested α) and the exact derivatives of g and φ. The
 * map from N to u is affine in N with coefficients independent of θ, so reverse mode, Jacobian rows
 * and tangents are the network's, with the seeds carried through the same coefficients. Parameters,
 * layout and initialisation are the network's. Fields without a constraint pass through.
 *
 * <p>g and φ are evaluated when an evaluator sees a new batch of points and kept for the last few
 * batches (the collocation points of a session change only when they are resampled), so a training
 * step on the same points allocates nothing.
 */
public final class HardConstraintModel extends ForwardingModel {
    /** Batches of points whose g and φ an evaluator keeps. */
    private static final int CACHED_BATCHES = 8;

    private final List<HardConstraint> constraints;

    private HardConstraintModel(Model network, List<HardConstraint> constraints) {
        super(network);
        this.constraints = List.copyOf(constraints);
    }

    /**
     * @param network the network N
     * @param constraints the hard constraints, at most one per field
     * @return the network itself when there are none, else the constrained model
     * @throws GeopinnException when two constraints hold the same field or a field index is out of range
     */
    public static Model wrap(Model network, List<HardConstraint> constraints) {
        if (constraints.isEmpty()) {
            return network;
        }
        int fields = network.spec().fields().size();
        boolean[] seen = new boolean[fields];
        for (HardConstraint c : constraints) {
            if (c.field() >= fields) {
                throw new GeopinnException("hard condition '" + c.condition() + "' constrains field " + c.field()
                        + " of a model with " + fields + " fields");
            }
            if (seen[c.field()]) {
                throw new GeopinnException("field '" + c.fieldName() + "' has two hard conditions; one per field (join their"
                        + " parts into one part and give one g for it)");
            }
            seen[c.field()] = true;
        }
        return new HardConstraintModel(network, constraints);
    }

    /** @param model a model @return its hard constraints (empty when it has none) */
    public static List<HardConstraint> constraints(Model model) {
        return model instanceof HardConstraintModel h ? h.constraints : List.of();
    }

    /** @param model a model @return the network inside it (the model itself when it has no hard constraints) */
    public static Model network(Model model) {
        return model instanceof HardConstraintModel h ? h.network : model;
    }

    @Override
    public ModelEvaluator evaluator(DerivativeRequest request, int maxPoints) {
        return new Evaluator(network, constraints, request, maxPoints);
    }

    /**
     * @param request a request
     * @return it with every multi-index below a requested one (componentwise), as Leibniz's rule needs
     */
    static DerivativeRequest closure(DerivativeRequest request) {
        List<int[]> all = new ArrayList<>();
        for (int k = 0; k < request.size(); k++) {
            below(request.multiIndex(k), 0, new int[request.dimension()], all);
        }
        return DerivativeRequest.of(request.dimension(), all);
    }

    private static void below(int[] alpha, int j, int[] beta, List<int[]> out) {
        if (j == alpha.length) {
            out.add(beta.clone());
            return;
        }
        for (int o = 0; o <= alpha[j]; o++) {
            beta[j] = o;
            below(alpha, j + 1, beta, out);
        }
    }

    /** The g and φ derivatives at one batch of points. */
    private static final class Batch {
        double[] points;
        int n = -1;
        long used;
        /** φ's derivatives per constraint: [c][m * capacity + i] for multi-index m of the closure. */
        double[][] phi;
        /** g's derivatives per constraint, same layout. */
        double[][] g;
    }

    /** Parameters, layout and initialisation are the network's; the values are u = g + φ·N. */
    private static final class Evaluator extends ForwardingEvaluator {
        private final DerivativeRequest request;
        private final DerivativeRequest closure;
        private final List<HardConstraint> constraints;
        private final int fields;
        private final int k;
        private final int kInner;
        private final int d;
        private final int capacity;
        /** Outer derivative k → its index in the closure. */
        private final int[] toInner;
        /** Per outer k, the Leibniz terms: inner index of β, index of α−β, binomial coefficient. */
        private final int[][] termBeta;
        private final int[][] termRest;
        private final double[][] termCoefficient;
        /** Constraint index per field, −1 when free. */
        private final int[] constraintOf;
        private final double[] values;
        private final double[] innerSeeds;
        private final double[] innerTangent;
        private final double[] point;
        private final double[] jet;
        private final Batch[] batches = new Batch[CACHED_BATCHES];
        private Batch current;
        private long clock;

        Evaluator(Model network, List<HardConstraint> constraints, DerivativeRequest request, int maxPoints) {
            this(network, constraints, request, closure(request), maxPoints);
        }

        private Evaluator(Model network, List<HardConstraint> constraints, DerivativeRequest request, DerivativeRequest closure,
                int maxPoints) {
            super(network.evaluator(closure, maxPoints));
            this.request = request;
            this.closure = closure;
            this.constraints = constraints;
            this.fields = inner.fieldCount();
            this.k = request.size();
            this.kInner = closure.size();
            this.d = request.dimension();
            this.capacity = maxPoints;
            toInner = new int[k];
            termBeta = new int[k][];
            termRest = new int[k][];
            termCoefficient = new double[k][];
            for (int a = 0; a < k; a++) {
                int[] alpha = request.multiIndex(a);
                toInner[a] = closure.indexOf(alpha);
                List<int[]> betas = new ArrayList<>();
                below(alpha, 0, new int[d], betas);
                termBeta[a] = new int[betas.size()];
                termRest[a] = new int[betas.size()];
                termCoefficient[a] = new double[betas.size()];
                for (int t = 0; t < betas.size(); t++) {
                    int[] beta = betas.get(t);
                    int[] rest = new int[d];
                    double coefficient = 1;
                    for (int j = 0; j < d; j++) {
                        rest[j] = alpha[j] - beta[j];
                        coefficient *= binomial(alpha[j], beta[j]);
                    }
                    termBeta[a][t] = closure.indexOf(beta);
                    termRest[a][t] = closure.indexOf(rest);
                    termCoefficient[a][t] = coefficient;
                }
            }
            constraintOf = new int[fields];
            Arrays.fill(constraintOf, -1);
            for (int c = 0; c < constraints.size(); c++) {
                constraintOf[constraints.get(c).field()] = c;
            }
            values = new double[fields * k * maxPoints];
            innerSeeds = new double[fields * kInner * maxPoints];
            innerTangent = new double[fields * kInner * maxPoints];
            point = new double[d];
            jet = new double[kInner];
        }

        private static double binomial(int n, int r) {
            double b = 1;
            for (int i = 1; i <= r; i++) {
                b = b * (n - r + i) / i;
            }
            return b;
        }

        @Override
        public DerivativeRequest request() {
            return request;
        }

        @Override
        public void forward(double[] theta, double[] points, int n) {
            inner.forward(theta, points, n);
            current = batch(points, n);
            carry(inner.values(), values, n, true);
        }

        /**
         * out ← u's derivatives from N's (net, the closure's layout): a free field's are N's own, a
         * constrained field's Σ_t C(α,β) ∂^{α−β}φ ∂^βN, plus ∂^αg for values (withData) and not for
         * tangents (the map from N to u is affine, so a tangent goes through its linear part).
         */
        private void carry(double[] net, double[] out, int n, boolean withData) {
            for (int f = 0; f < fields; f++) {
                int c = constraintOf[f];
                for (int a = 0; a < k; a++) {
                    int to = (f * k + a) * n;
                    if (c < 0) {
                        System.arraycopy(net, (f * kInner + toInner[a]) * n, out, to, n);
                        continue;
                    }
                    if (withData) {
                        double[] g = current.g[c];
                        int gAt = toInner[a] * capacity;
                        for (int i = 0; i < n; i++) {
                            out[to + i] = g[gAt + i];
                        }
                    } else {
                        Arrays.fill(out, to, to + n, 0);
                    }
                    double[] phi = current.phi[c];
                    for (int t = 0; t < termBeta[a].length; t++) {
                        double coefficient = termCoefficient[a][t];
                        int from = (f * kInner + termBeta[a][t]) * n;
                        int phiAt = termRest[a][t] * capacity;
                        for (int i = 0; i < n; i++) {
                            out[to + i] += coefficient * phi[phiAt + i] * net[from + i];
                        }
                    }
                }
            }
        }

        /** The cached g and φ of these points, computed on a miss into the least recently used slot. */
        private Batch batch(double[] points, int n) {
            clock++;
            Batch free = null;
            for (Batch b : batches) {
                if (b != null && b.n == n && Arrays.equals(b.points, 0, n * d, points, 0, n * d)) {
                    b.used = clock;
                    return b;
                }
            }
            for (int s = 0; s < batches.length; s++) {
                if (batches[s] == null) {
                    batches[s] = new Batch();
                    batches[s].points = new double[capacity * d];
                    batches[s].phi = new double[constraints.size()][kInner * capacity];
                    batches[s].g = new double[constraints.size()][kInner * capacity];
                    free = batches[s];
                    break;
                }
                if (free == null || batches[s].used < free.used) {
                    free = batches[s];
                }
            }
            System.arraycopy(points, 0, free.points, 0, n * d);
            free.n = n;
            free.used = clock;
            for (int c = 0; c < constraints.size(); c++) {
                HardConstraint h = constraints.get(c);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(points, i * d, point, 0, d);
                    h.distance().derivatives(point, closure, jet);
                    for (int m = 0; m < kInner; m++) {
                        free.phi[c][m * capacity + i] = jet[m];
                    }
                    h.data().derivatives(point, closure, jet);
                    for (int m = 0; m < kInner; m++) {
                        free.g[c][m * capacity + i] = jet[m];
                    }
                }
            }
            return free;
        }

        @Override
        public double[] values() {
            return values;
        }

        /** Seeds on u carried to seeds on N through the Leibniz coefficients (the transpose of the map). */
        private void innerSeeds(double[] seeds) {
            int n = inner.pointCount();
            Arrays.fill(innerSeeds, 0, fields * kInner * n, 0);
            for (int f = 0; f < fields; f++) {
                int c = constraintOf[f];
                for (int a = 0; a < k; a++) {
                    int from = (f * k + a) * n;
                    if (c < 0) {
                        int to = (f * kInner + toInner[a]) * n;
                        for (int i = 0; i < n; i++) {
                            innerSeeds[to + i] += seeds[from + i];
                        }
                        continue;
                    }
                    double[] phi = current.phi[c];
                    for (int t = 0; t < termBeta[a].length; t++) {
                        double coefficient = termCoefficient[a][t];
                        int to = (f * kInner + termBeta[a][t]) * n;
                        int phiAt = termRest[a][t] * capacity;
                        for (int i = 0; i < n; i++) {
                            innerSeeds[to + i] += coefficient * phi[phiAt + i] * seeds[from + i];
                        }
                    }
                }
            }
        }

        @Override
        public void backward(double[] seeds, double[] gradient) {
            innerSeeds(seeds);
            inner.backward(innerSeeds, gradient);
        }

        @Override
        public void jacobianRows(double[] seeds, double[] jacobian, int rowOffset) {
            innerSeeds(seeds);
            inner.jacobianRows(innerSeeds, jacobian, rowOffset);
        }

        @Override
        public void tangent(double[] v, double[] out) {
            inner.tangent(v, innerTangent);
            carry(innerTangent, out, inner.pointCount(), false);
        }
    }
}
