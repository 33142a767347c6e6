package org.geopinn.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.geopinn.api.model.Model;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The work of Jᵀu when u is non-zero on one condition's rows only (a per-condition gradient, as
 * the loss weightings take every update): the reverse pass runs over that condition's points and
 * no others. Counted in points back-propagated, not time: a regression here made the per-condition
 * gradients of a 17-condition system cost 17 full backward passes.
 */
class GroupGradientWorkTest {

    /** A model whose evaluators count the points of every backward pass. */
    private static final class CountingModel extends HookedModel {
        private final AtomicLong backwardPoints;

        CountingModel(Model inner) {
            this(inner, new AtomicLong());
        }

        private CountingModel(Model inner, AtomicLong backwardPoints) {
            super(inner, theta -> { }, backwardPoints::addAndGet);
            this.backwardPoints = backwardPoints;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aPerConditionGradientBackPropagatesOnlyThatConditionsPoints(int threads) {
        Problem problem = TestProblems.coupled();
        CountingModel model = new CountingModel(TestProblems.modelFor(problem, 6));
        StackedResidualSystem rs = StackedResidualSystem.build(problem, model, TestProblems.randomPoints(problem, 7, 0.1),
                LossScaling.SUM, EvaluatorFactory.EXACT, threads);
        double[] theta = model.initialParameters(3);
        int s = rs.residualCount();
        int p = rs.parameterCount();
        double[] r = new double[s];
        rs.residuals(theta, r);
        double[] full = new double[p];
        rs.jacobianTransposeTimes(theta, r, full);
        assertEquals(s, model.backwardPoints.get(), "a full Jᵀu back-propagates every row once");

        double[] sum = new double[p];
        double[] part = new double[p];
        double[] masked = new double[s];
        for (ResidualGroup g : rs.groups()) {
            java.util.Arrays.fill(masked, 0);
            System.arraycopy(r, g.offset(), masked, g.offset(), g.size());
            model.backwardPoints.set(0);
            rs.jacobianTransposeTimes(theta, masked, part);
            assertEquals(g.size(), model.backwardPoints.get(), "rows back-propagated for the gradient of " + g.name());
            for (int k = 0; k < p; k++) {
                sum[k] += part[k];
            }
        }
        assertArrayEquals(full, sum, 1e-9 * (1 + java.util.Arrays.stream(full).map(Math::abs).max().orElse(0)),
                "the per-condition gradients add up to the full one");
    }
}
