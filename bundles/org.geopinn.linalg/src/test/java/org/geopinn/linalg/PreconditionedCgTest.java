package org.geopinn.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

class PreconditionedCgTest {

    static LinearOperator dense(DMatrixRMaj a) {
        return new LinearOperator() {
            @Override
            public int size() {
                return a.numRows;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < a.numRows; i++) {
                    double s = 0;
                    for (int j = 0; j < a.numCols; j++) {
                        s += a.data[i * a.numCols + j] * x[j];
                    }
                    y[i] = s;
                }
            }
        };
    }

    @Test
    void solvesHilbertSystemToTolerance() {
        int n = 6;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h.set(i, j, 1.0 / (i + j + 1));
            }
        }
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = i + 1.0;
        }
        double[] b = new double[n];
        dense(h).apply(expected, b);
        double[] x = new double[n];
        CgResult result = new PreconditionedCg(1e-12, 500).solve(dense(h), null, b, x);
        assertTrue(result.converged(), "CG did not converge: " + result);
        double[] check = new double[n];
        dense(h).apply(x, check);
        double res = 0;
        for (int i = 0; i < n; i++) {
            res += (check[i] - b[i]) * (check[i] - b[i]);
        }
        assertTrue(Math.sqrt(res) <= 1e-11 * Vectors.norm(b), "true residual too large: " + Math.sqrt(res));
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], x[i], 1e-3 * expected[i], "x[" + i + "]");
        }
    }

    @Test
    void nystromCutsIterationsOnLowRankPlusShift() {
        int n = 300;
        int r = 25;
        Random random = new Random(3);
        DMatrixRMaj basis = RandomMatrices_DDRM.orthogonal(n, r, random);
        DMatrixRMaj scaled = basis.copy();
        for (int c = 0; c < r; c++) {
            double lambda = Math.pow(10, 6.0 * c / (r - 1)); // 1 … 1e6
            for (int i = 0; i < n; i++) {
                scaled.set(i, c, scaled.get(i, c) * lambda);
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(scaled, basis, m);
        double mu = 1e-2;
        LinearOperator mOp = dense(m);
        LinearOperator shifted = new LinearOperator() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] y) {
                mOp.apply(x, y);
                Vectors.axpy(mu, x, y);
            }
        };
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = random.nextGaussian();
        }
        PreconditionedCg cg = new PreconditionedCg(1e-8, 5000);
        CgResult plain = cg.solve(shifted, null, b, new double[n]);
        NystromPreconditioner nys = NystromPreconditioner.build(mOp, 30, new Random(5), DenseKernels.ejml());
        nys.setShift(mu);
        double[] x = new double[n];
        CgResult pre = cg.solve(shifted, nys, b, x);
        assertTrue(plain.converged() && pre.converged(), plain + " " + pre);
        assertTrue(pre.iterations() * 5 < plain.iterations(), "Nystrom " + pre.iterations() + " vs plain " + plain.iterations());
        assertEquals(1e6, nys.largestEigenvalue(), 1e-3 * 1e6);
        double[] check = new double[n];
        shifted.apply(x, check);
        Vectors.axpy(-1, b, check);
        assertTrue(Vectors.norm(check) <= 1e-7 * Vectors.norm(b));
    }
}
