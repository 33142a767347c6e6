package org.geopinn.optimizer.soap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.linalg.lsq.FunctionResidualSystem;
import org.geopinn.linalg.lsq.StandardProblems;
import org.geopinn.linalg.testing.OptimizerContract;
import org.geopinn.linalg.testing.PinnFixtures;
import org.junit.jupiter.api.Test;

class SoapTest {
    private static final double[] TARGET = {0.3, -1.2, 0.7, 2.0, 0.1, -0.4, 0.5, -0.25};
    private final SoapFactory factory = new SoapFactory();

    /** r = θ − c on a 2×3 weight matrix and a bias of 2: ∇L = θ − c. */
    private static FunctionResidualSystem tiny() {
        ParameterLayout layout = new ParameterLayout(List.of(
                new ParameterBlock("w", ParameterBlock.Kind.WEIGHT, 0, 2, 3, 0),
                new ParameterBlock("b", ParameterBlock.Kind.BIAS, 6, 2, 1, 0)));
        return new FunctionResidualSystem(8, List.of(new ResidualGroup("all", 0, 8)), layout,
                (t, r) -> {
                    for (int i = 0; i < 8; i++) {
                        r[i] = t[i] - TARGET[i];
                    }
                },
                (t, j) -> {
                    java.util.Arrays.fill(j, 0);
                    for (int i = 0; i < 8; i++) {
                        j[i * 8 + i] = 1;
                    }
                });
    }

    private static DMatrixRMaj eigenvectorsDescending(DMatrixRMaj a) {
        int n = a.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        eig.decompose(a.copy());
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(eig.getEigenvalue(y).real, eig.getEigenvalue(x).real));
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        for (int c = 0; c < n; c++) {
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            for (int r = 0; r < n; r++) {
                q.set(r, c, v.get(r));
            }
        }
        return q;
    }

    @Test
    void matchesHandComputedStepsOnATinyMatrix() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.95;
        double eps = 1e-8;
        Optimizer soap = factory.create(Map.of("lr", lr, "beta1", b1, "beta2", b2, "eps", eps, "precondition_frequency", 10));
        FunctionResidualSystem system = tiny();
        double[] theta = {1, 2, 3, -1, 0.5, 0.25, 1, 1};
        double[] theta0 = theta.clone();

        // Call 1: factors and bases only, θ does not move.
        StepResult first = soap.step(system, theta);
        assertFalse(first.accepted());
        assertArrayEquals(theta0, theta, 0.0);

        DMatrixRMaj g = new DMatrixRMaj(2, 3);
        for (int i = 0; i < 6; i++) {
            g.data[i] = theta0[i] - TARGET[i];
        }
        DMatrixRMaj left = new DMatrixRMaj(2, 2);
        DMatrixRMaj right = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransB(1 - b2, g, g, left);
        CommonOps_DDRM.multTransA(1 - b2, g, g, right);
        DMatrixRMaj ql = eigenvectorsDescending(left);
        DMatrixRMaj qr = eigenvectorsDescending(right);

        // Call 2 (t = 1): Adam in the rotated basis.
        DMatrixRMaj rotated = project(ql, g, qr);
        DMatrixRMaj m = rotated.copy();
        CommonOps_DDRM.scale(1 - b1, m);
        DMatrixRMaj v = rotated.copy();
        CommonOps_DDRM.elementMult(v, rotated);
        CommonOps_DDRM.scale(1 - b2, v);
        double step = lr * Math.sqrt(1 - b2) / (1 - b1);
        double[] expected = theta0.clone();
        applyStep(expected, ql, qr, m, v, step, eps);
        double[] mb = new double[2];
        double[] vb = new double[2];
        for (int k = 0; k < 2; k++) {
            double gb = theta0[6 + k] - TARGET[6 + k];
            mb[k] = (1 - b1) * gb;
            vb[k] = (1 - b2) * gb * gb;
            expected[6 + k] -= step * mb[k] / (Math.sqrt(vb[k]) + eps);
        }
        assertTrue(soap.step(system, theta).accepted());
        assertArrayEquals(expected, theta, 1e-12);

        // Call 3 (t = 2): a new gradient, same bases (no refresh before step 10).
        DMatrixRMaj g3 = new DMatrixRMaj(2, 3);
        for (int i = 0; i < 6; i++) {
            g3.data[i] = theta[i] - TARGET[i];
        }
        DMatrixRMaj r3 = project(ql, g3, qr);
        for (int i = 0; i < 6; i++) {
            m.data[i] = b1 * m.data[i] + (1 - b1) * r3.data[i];
            v.data[i] = b2 * v.data[i] + (1 - b2) * r3.data[i] * r3.data[i];
        }
        double step3 = lr * Math.sqrt(1 - b2 * b2) / (1 - b1 * b1);
        double[] expected3 = theta.clone();
        applyStep(expected3, ql, qr, m, v, step3, eps);
        for (int k = 0; k < 2; k++) {
            double gb = theta[6 + k] - TARGET[6 + k];
            mb[k] = b1 * mb[k] + (1 - b1) * gb;
            vb[k] = b2 * vb[k] + (1 - b2) * gb * gb;
            expected3[6 + k] -= step3 * mb[k] / (Math.sqrt(vb[k]) + eps);
        }
        soap.step(system, theta);
        assertArrayEquals(expected3, theta, 1e-12);
    }

    private static DMatrixRMaj project(DMatrixRMaj ql, DMatrixRMaj g, DMatrixRMaj qr) {
        DMatrixRMaj t = new DMatrixRMaj(2, 3);
        CommonOps_DDRM.multTransA(ql, g, t);
        DMatrixRMaj out = new DMatrixRMaj(2, 3);
        CommonOps_DDRM.mult(t, qr, out);
        return out;
    }

    private static void applyStep(double[] theta, DMatrixRMaj ql, DMatrixRMaj qr, DMatrixRMaj m, DMatrixRMaj v, double step, double eps) {
        DMatrixRMaj n = new DMatrixRMaj(2, 3);
        for (int i = 0; i < 6; i++) {
            n.data[i] = m.data[i] / (Math.sqrt(v.data[i]) + eps);
        }
        DMatrixRMaj t = new DMatrixRMaj(2, 3);
        CommonOps_DDRM.mult(ql, n, t);
        DMatrixRMaj back = new DMatrixRMaj(2, 3);
        CommonOps_DDRM.multTransB(t, qr, back);
        for (int i = 0; i < 6; i++) {
            theta[i] -= step * back.data[i];
        }
    }

    @Test
    void lowersTheLaplaceLossByOrdersOfMagnitude() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(8, 49, 24, 3, LossScaling.MEAN);
        Optimizer o = factory.create(Map.of("lr", 0.02));
        pinn.assertLossFalls(o, 500, 1e-2, null);
    }

    @Test
    void exportImportAdoptAndNonFinite() {
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEAN);
        // warm-up 5 steps crosses a basis refresh (precondition_frequency 2)
        OptimizerContract.assertExportImportReproducesNextSteps(factory, Map.of("lr", 0.01),
                () -> PinnFixtures.laplace(6, 25, 16, 2, LossScaling.MEAN).system(), pinn.theta0(), 5);
        OptimizerContract.assertNonFiniteNeverEntersTheta(factory, Map.of("lr", 2), tiny(),
                new double[] {1, 2, 3, -1, 0.5, 0.25, 1, 1}, 3.5, 40);

        double[] m = {0, 0, 0, 0, 0, 0, 0.5, -0.5};
        double[] v = {0, 0, 0, 0, 0, 0, 0.25, 0.25};
        Optimizer soap = factory.create(Map.of());
        assertTrue(soap.adopt(new OptimizerState("adam", 8, Map.of("m", m, "v", v), Map.of("t", 3.0))));
        assertFalse(factory.create(Map.of()).adopt(new OptimizerState("lbfgs", 8, Map.of(), Map.of())));
        soap.step(tiny(), new double[8]);
        assertArrayEquals(new double[] {0.5, -0.5}, soap.exportState().array("adam.m"), 0.0);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("precondition_frequency", 0)));
        assertThrows(GeopinnException.class, () -> factory.create(Map.of("beta2", 1)));
        assertEquals(true, factory.settings().get("precondition_frequency").contains("default 2"));
        assertTrue(StandardProblems.rosenbrock().parameterCount() == 2);
    }
}
