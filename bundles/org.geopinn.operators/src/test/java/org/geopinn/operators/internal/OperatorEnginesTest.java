package org.geopinn.operators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Map;
import org.geopinn.api.model.Model;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Problem;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.api.GeopinnException;
import org.geopinn.operators.FiniteDifferenceEvaluator;
import org.geopinn.operators.OperatorEngines;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.operators.TestProblems;
import org.junit.jupiter.api.Test;

/** The DS components are thin: they build the same residual systems as the plain-Java entry point. */
class OperatorEnginesTest {

    private static double[] residuals(ResidualSystem rs, double[] theta) {
        double[] r = new double[rs.residualCount()];
        rs.residuals(theta, r);
        return r;
    }

    private static FiniteDifferenceConfig step(double h) {
        return new FiniteDifferenceConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FiniteDifferenceConfig.class;
            }

            @Override
            public double step() {
                return h;
            }
        };
    }

    @Test
    void enginesBuildTheSameSystemsAsThePlainJavaEntryPoint() {
        Problem problem = TestProblems.heat(null);
        Model model = TestProblems.modelFor(problem, 4);
        Map<String, double[]> pts = TestProblems.randomPoints(problem, 2, 0.1);
        double[] theta = model.initialParameters(3);
        AutodiffOperatorEngine autodiff = new AutodiffOperatorEngine();
        assertEquals("autodiff", autodiff.id());
        assertArrayEquals(residuals(StackedResidualSystem.build(problem, model, pts, LossScaling.MEAN, EvaluatorFactory.EXACT), theta),
                residuals(autodiff.build(problem, model, pts, LossScaling.MEAN), theta), 0);
        FiniteDifferenceOperatorEngine fd = new FiniteDifferenceOperatorEngine();
        assertEquals("finite-difference", fd.id());
        fd.configure(step(0.05));
        double[] coarse = residuals(fd.build(problem, model, pts, LossScaling.MEAN), theta);
        assertArrayEquals(residuals(StackedResidualSystem.build(problem, model, pts, LossScaling.MEAN,
                FiniteDifferenceEvaluator.factory(0.05)), theta), coarse, 0);
        fd.configure(step(0));
        double[] fine = residuals(fd.build(problem, model, pts, LossScaling.MEAN), theta);
        double[] exact = residuals(autodiff.build(problem, model, pts, LossScaling.MEAN), theta);
        double coarseError = 0;
        double fineError = 0;
        for (int i = 0; i < exact.length; i++) {
            coarseError = Math.max(coarseError, Math.abs(coarse[i] - exact[i]));
            fineError = Math.max(fineError, Math.abs(fine[i] - exact[i]));
        }
        assertTrue(fineError < coarseError / 100, fineError + " vs " + coarseError);
        assertArrayEquals(coarse, residuals(OperatorEngines.finiteDifference(0.05).build(problem, model, pts, LossScaling.MEAN), theta), 0);
    }

    @Test
    void enginesByIdWithoutAFramework() {
        assertEquals("autodiff", OperatorEngines.create("autodiff").id());
        assertEquals("finite-difference", OperatorEngines.create("finite-difference").id());
        GeopinnException e = assertThrows(GeopinnException.class, () -> OperatorEngines.create("symbolic"));
        assertEquals("unknown operator engine 'symbolic'; engines are [autodiff, finite-difference]", e.getMessage());
    }
}
