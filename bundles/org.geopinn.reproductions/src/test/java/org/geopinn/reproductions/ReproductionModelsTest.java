package org.geopinn.reproductions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.autodiff.Activation;
import org.geopinn.diagnostics.internal.NaturalNtkDiagnostic;
import org.geopinn.diagnostics.internal.NtkDiagnostic;
import org.geopinn.diagnostics.internal.PreconditionedNtkDiagnostic;
import org.geopinn.reproductions.RandomFeatures.StencilPoint;
import org.geopinn.reproductions.RandomFeatures.Term;
import org.junit.jupiter.api.Test;

/** The small models behind the reproductions, checked against finite differences and closed forms. */
class ReproductionModelsTest {
    @Test
    void activationDerivativesMatchFiniteDifferences() {
        double h = 1e-5;
        for (Activation act : List.of(Activation.SIN, Activation.TANH)) {
            for (int k = 0; k < 4; k++) {
                for (double z : new double[] {-1.3, 0.2, 0.9}) {
                    double fd = (RandomFeatures.derivative(act, k, z + h) - RandomFeatures.derivative(act, k, z - h)) / (2 * h);
                    assertEquals(fd, RandomFeatures.derivative(act, k + 1, z), 1e-8, act + " order " + (k + 1) + " at " + z);
                }
            }
        }
    }

    @Test
    void theCouplingParametersFillEachNetworksHiddenAndOutputLayers() {
        org.geopinn.api.model.Model model = CouplingExperiment.model(3);
        double[] theta = CouplingExperiment.initialParameters(model, 3);
        assertEquals(2, model.layout().networks());
        assertEquals(2 * (3 * 3 + 1), theta.length);
        for (int n = 0; n < 2; n++) {
            int[] range = model.layout().networkRange(n);
            assertEquals(10, range[1] - range[0]);
            assertEquals(0, theta[range[1] - 1], "output bias of network " + n);
            for (int p = range[0]; p < range[1] - 1; p++) {
                assertTrue(theta[p] != 0, "parameter " + p + " drawn");
            }
        }
    }

    @Test
    void randomFeatureMatricesAgreeUpToTheStencilError() {
        RandomFeatures rf = new RandomFeatures(Activation.SIN, 1, 4, 11);
        double[] x = {-0.5, 0.1, 0.8};
        double h = 1e-3;
        double[] ad = rf.automatic(x, List.of(new Term(1, new int[] {2})));
        double[] fd = rf.finiteDifference(x, List.of(new StencilPoint(1 / (h * h), new int[] {-1}), new StencilPoint(-2 / (h * h), new int[] {0}),
                new StencilPoint(1 / (h * h), new int[] {1})), h);
        double[] values = rf.automatic(x, List.of(new Term(1, new int[] {0})));
        for (int i = 0; i < ad.length; i++) {
            assertEquals(ad[i], fd[i], 1e-6, "entry " + i);
            assertTrue(Math.abs(values[i]) <= 1);
        }
    }

    @Test
    void engineAssemblyMatchesTheClosedFormRandomFeatureMatrices() {
        // The models + operators bundles against the closed forms: A_AD = w_j^2 σ''(w_j x_i + b_j), A_FD = C_2 A_0.
        AdVsFdExperiment experiment = new AdVsFdExperiment(3);
        for (AdVsFdExperiment.Case c : List.of(experiment.poisson1d(30), experiment.biharmonic(30), experiment.poisson2d(6, 20))) {
            int d = c.variables().size();
            RandomFeatures oracle = new RandomFeatures(Activation.SIN, d, c.features(), 3);
            List<Term> terms = new java.util.ArrayList<>();
            List<StencilPoint> stencil = new java.util.ArrayList<>();
            int order = c.id().equals("biharmonic") ? 4 : 2;
            double[] weights = order == 4 ? new double[] {1, -4, 6, -4, 1} : new double[] {1, -2, 1};
            for (int axis = 0; axis < d; axis++) {
                int[] orders = new int[d];
                orders[axis] = order;
                terms.add(new Term(1, orders));
                for (int k = 0; k < weights.length; k++) {
                    int[] offset = new int[d];
                    offset[axis] = k - weights.length / 2;
                    stencil.add(new StencilPoint(weights[k] / Math.pow(c.h(), order), offset));
                }
            }
            SystemMatrices exact = c.assemble(3, false);
            SystemMatrices fd = c.assemble(3, true);
            double[] adOracle = oracle.automatic(c.points(), terms);
            double[] fdOracle = oracle.finiteDifference(c.points(), stencil, c.h());
            double fdRounding = 64 * Math.ulp(1.0) / Math.pow(c.h(), order);
            for (int i = 0; i < adOracle.length; i++) {
                assertEquals(adOracle[i], exact.a()[i], 1e-12, c.id() + " A_AD entry " + i);
                assertEquals(fdOracle[i], fd.a()[i], fdRounding, c.id() + " A_FD entry " + i);
            }
            assertEquals(c.source().value(java.util.Arrays.copyOfRange(c.points(), 0, d)), exact.f()[0], 1e-14);
        }
    }

    @Test
    void truncatedSvdSolvesAFullRankSystemAndKeepingNothingLeavesTheRightHandSide() {
        double[] a = {2, 1, 0, 1, 3, 1, 0, 1, 4};
        TruncatedSvdSolver solver = new TruncatedSvdSolver(a, 3, 3);
        double[] f = {1, -2, 0.5};
        assertTrue(solver.relativeError(f, 3) < 1e-14);
        assertEquals(1, solver.relativeError(f, 0), 1e-15);
        assertTrue(solver.relativeError(f, 1) > solver.relativeError(f, 2));
    }

    @Test
    void theCouplingSystemIsTheThermoelasticProblemWithAnExactJacobian() {
        org.geopinn.api.model.Model model = CouplingExperiment.model(4);
        org.geopinn.api.operator.ResidualSystem s = CouplingExperiment.system(3, model, 5);
        assertEquals(List.of("pde-T", "pde-u", "boundary-T", "boundary-u"), s.groups().stream().map(g -> g.name()).toList());
        assertEquals(List.of(5, 5, 2, 2), s.groups().stream().map(g -> g.size()).toList());
        double[] theta = CouplingExperiment.initialParameters(model, 5);
        int rows = s.residualCount();
        int p = s.parameterCount();
        double[] j = new double[rows * p];
        s.jacobian(theta, j);
        double[] rp = new double[rows];
        double[] rm = new double[rows];
        for (int c = 0; c < p; c++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[c] += 1e-6;
            minus[c] -= 1e-6;
            s.residuals(plus, rp);
            s.residuals(minus, rm);
            for (int i = 0; i < rows; i++) {
                double fd = (rp[i] - rm[i]) / 2e-6;
                assertEquals(fd, j[i * p + c], 1e-5 * Math.max(1, Math.abs(fd)), "row " + i + " column " + c);
            }
        }
        assertEquals(2, s.parameterLayout().networks());
    }

    @Test
    void couplingMakesTheNtkGrowLikeGammaSquaredButNotThePreconditionedNtk() {
        CouplingExperiment experiment = new CouplingExperiment(0, 8, 12, Double.NaN, new NtkDiagnostic(), new PreconditionedNtkDiagnostic());
        List<CouplingExperiment.Row> rows = experiment.run(new double[] {1, 100, 1000});
        for (CouplingExperiment.Row r : rows) {
            assertEquals(2, r.lambdaPreconditioned(), 1e-8, "gamma " + r.gamma());
        }
        double exponent = Math.log(rows.get(2).lambdaNtk() / rows.get(1).lambdaNtk()) / Math.log(10);
        assertEquals(2, exponent, 0.05);
        DiagnosticReport nntk = new NaturalNtkDiagnostic().run(CouplingExperiment.system(10, CouplingExperiment.model(8), 12),
                CouplingExperiment.initialParameters(CouplingExperiment.model(8), 0), Map.of());
        assertEquals(1, nntk.scalars().get("lambda_max"), 1e-10);
        // A coarse cut-off truncates both tangent spaces below the shared direction: λ_max(K_P) drops below 2.
        double truncated = new CouplingExperiment(0, 8, 12, 1e-4, new NtkDiagnostic(), new PreconditionedNtkDiagnostic()).run(new double[] {10}).get(0).lambdaPreconditioned();
        assertTrue(truncated < 2 - 1e-6 && truncated > 1, "lambda_max(K_P) " + truncated);
    }
}
