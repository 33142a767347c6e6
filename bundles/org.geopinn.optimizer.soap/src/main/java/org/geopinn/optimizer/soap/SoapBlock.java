package org.geopinn.optimizer.soap;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.geopinn.linalg.DenseKernels;

/**
 * SOAP's state for one weight matrix W (rows × cols, row-major in θ): Kronecker factors
 * L = E[GGᵀ], R = E[GᵀG], their eigenbases Q_L, Q_R (descending), and Adam's moments m, v
 * expressed in the rotated basis. A side larger than the size limit keeps the identity basis.
 */
final class SoapBlock {
    final String name;
    final int offset;
    final int rows;
    final int cols;
    private final DMatrixRMaj left;
    private final DMatrixRMaj right;
    private final DMatrixRMaj qLeft;
    private final DMatrixRMaj qRight;
    private DMatrixRMaj avg;
    private DMatrixRMaj avgSq;
    private DMatrixRMaj nextAvg;
    private DMatrixRMaj nextAvgSq;
    private final DMatrixRMaj grad;
    private final DMatrixRMaj tmp;
    private final DMatrixRMaj projected;
    private final DMatrixRMaj update;

    SoapBlock(String name, int offset, int rows, int cols, int maxDim) {
        this.name = name;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.left = rows <= maxDim ? new DMatrixRMaj(rows, rows) : null;
        this.right = cols <= maxDim ? new DMatrixRMaj(cols, cols) : null;
        this.qLeft = left == null ? null : CommonOps_DDRM.identity(rows);
        this.qRight = right == null ? null : CommonOps_DDRM.identity(cols);
        this.avg = new DMatrixRMaj(rows, cols);
        this.avgSq = new DMatrixRMaj(rows, cols);
        this.nextAvg = new DMatrixRMaj(rows, cols);
        this.nextAvgSq = new DMatrixRMaj(rows, cols);
        this.grad = new DMatrixRMaj(rows, cols);
        this.tmp = new DMatrixRMaj(rows, cols);
        this.projected = new DMatrixRMaj(rows, cols);
        this.update = new DMatrixRMaj(rows, cols);
    }

    /** Copies this block's slice of the gradient. */
    void loadGradient(double[] gradient) {
        System.arraycopy(gradient, offset, grad.data, 0, rows * cols);
    }

    /** L ← βL + (1−β)GGᵀ, R ← βR + (1−β)GᵀG with the loaded gradient. */
    void accumulate(double beta) {
        if (left != null) {
            CommonOps_DDRM.scale(beta, left);
            CommonOps_DDRM.multAddTransB(1 - beta, grad, grad, left);
        }
        if (right != null) {
            CommonOps_DDRM.scale(beta, right);
            CommonOps_DDRM.multAddTransA(1 - beta, grad, grad, right);
        }
    }

    /** Q_L, Q_R ← eigenvectors of L, R, eigenvalues descending (the first call). */
    void initialiseBases(DenseKernels kernels) {
        if (left != null) {
            kernels.symmetricEigen(left, new double[rows], qLeft);
        }
        if (right != null) {
            kernels.symmetricEigen(right, new double[cols], qRight);
        }
    }

    /** out ← Q_Lᵀ·x·Q_R. */
    private void project(DMatrixRMaj x, DMatrixRMaj out) {
        DMatrixRMaj a = x;
        if (qLeft != null) {
            CommonOps_DDRM.multTransA(qLeft, x, tmp);
            a = tmp;
        }
        if (qRight != null) {
            CommonOps_DDRM.mult(a, qRight, out);
        } else {
            out.setTo(a);
        }
    }

    /** out ← Q_L·x·Q_Rᵀ. */
    private void projectBack(DMatrixRMaj x, DMatrixRMaj out) {
        DMatrixRMaj a = x;
        if (qLeft != null) {
            CommonOps_DDRM.mult(qLeft, x, tmp);
            a = tmp;
        }
        if (qRight != null) {
            CommonOps_DDRM.multTransB(a, qRight, out);
        } else {
            out.setTo(a);
        }
    }

    /**
     * Computes the next moments from the loaded gradient and writes the moved block into trial:
     * W − step·Q_L(m/(√v + ε))Q_Rᵀ − lr·wd·W.
     */
    void propose(SoapSettings s, double step, double[] theta, double[] trial) {
        project(grad, projected);
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            double g = projected.data[i];
            double mi = s.beta1() * avg.data[i] + (1 - s.beta1()) * g;
            double vi = s.beta2() * avgSq.data[i] + (1 - s.beta2()) * g * g;
            nextAvg.data[i] = mi;
            nextAvgSq.data[i] = vi;
            projected.data[i] = mi / (Math.sqrt(vi) + s.eps());
        }
        projectBack(projected, update);
        for (int i = 0; i < n; i++) {
            double w = theta[offset + i];
            trial[offset + i] = w - step * update.data[i] - s.lr() * s.weightDecay() * w;
        }
    }

    /** Makes the proposed moments current. */
    void commit() {
        DMatrixRMaj a = avg;
        avg = nextAvg;
        nextAvg = a;
        a = avgSq;
        avgSq = nextAvgSq;
        nextAvgSq = a;
    }

    /**
     * One power iteration per side: sort the basis by the estimated eigenvalues diag(QᵀFQ)
     * (descending), permute v the same way, Q ← qr(F·Q).Q; m is carried to the new basis.
     */
    void refreshBases() {
        DMatrixRMaj original = new DMatrixRMaj(rows, cols);
        projectBack(avg, original);
        if (left != null) {
            int[] order = sortByEstimate(left, qLeft);
            DMatrixRMaj permuted = avgSq.copy();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(permuted.data, order[r] * cols, avgSq.data, r * cols, cols);
            }
            powerStep(left, qLeft, order);
        }
        if (right != null) {
            int[] order = sortByEstimate(right, qRight);
            DMatrixRMaj permuted = avgSq.copy();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    avgSq.data[r * cols + c] = permuted.data[r * cols + order[c]];
                }
            }
            powerStep(right, qRight, order);
        }
        project(original, avg);
    }

    private static int[] sortByEstimate(DMatrixRMaj f, DMatrixRMaj q) {
        int n = f.numRows;
        DMatrixRMaj fq = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(f, q, fq);
        double[] estimate = new double[n];
        for (int c = 0; c < n; c++) {
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += q.data[r * n + c] * fq.data[r * n + c];
            }
            estimate[c] = s;
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(estimate[b], estimate[a]));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = idx[i];
        }
        return order;
    }

    private static void powerStep(DMatrixRMaj f, DMatrixRMaj q, int[] order) {
        int n = f.numRows;
        DMatrixRMaj sorted = new DMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                sorted.data[r * n + c] = q.data[r * n + order[c]];
            }
        }
        DMatrixRMaj power = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(f, sorted, power);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(power)) {
            throw new ArithmeticException("QR of the power iteration failed");
        }
        qr.getQ(q, false);
    }

    /** @param prefix the array name prefix @param out receives this block's state arrays */
    void export(String prefix, Map<String, double[]> out) {
        if (left != null) {
            out.put(prefix + "L", left.data.clone());
            out.put(prefix + "QL", qLeft.data.clone());
        }
        if (right != null) {
            out.put(prefix + "R", right.data.clone());
            out.put(prefix + "QR", qRight.data.clone());
        }
        out.put(prefix + "m", avg.data.clone());
        out.put(prefix + "v", avgSq.data.clone());
    }

    /** @param prefix the array name prefix @param state the arrays exported by {@link #export} */
    void restore(String prefix, org.geopinn.api.optimizer.OptimizerState state) {
        if (left != null) {
            System.arraycopy(state.array(prefix + "L"), 0, left.data, 0, rows * rows);
            System.arraycopy(state.array(prefix + "QL"), 0, qLeft.data, 0, rows * rows);
        }
        if (right != null) {
            System.arraycopy(state.array(prefix + "R"), 0, right.data, 0, cols * cols);
            System.arraycopy(state.array(prefix + "QR"), 0, qRight.data, 0, cols * cols);
        }
        System.arraycopy(state.array(prefix + "m"), 0, avg.data, 0, rows * cols);
        System.arraycopy(state.array(prefix + "v"), 0, avgSq.data, 0, rows * cols);
    }
}
