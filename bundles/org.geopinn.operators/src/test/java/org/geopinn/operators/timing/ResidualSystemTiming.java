package org.geopinn.operators.timing;

import java.util.List;
import java.util.Map;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.problem.Problem;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.operators.TestProblems;

/**
 * A quick timing of the reference set-up of docs/PERFORMANCE-CORE.md (not a test, not JMH: the proper benchmark lives
 * with the benchmark suite): 2-D Laplace, MLP [2,64,64,64,1] tanh (P = 8577), 900 interior
 * plus 120 boundary points (random: the cost does not depend on where they lie), one and two threads; prints the best of 40 loss+gradient evaluations
 * and of 12 full 1020×8577 Jacobians (each with its forward pass, θ changed every time).
 *
 * <pre>
 * mvn -o -q -f bundles/org.geopinn.operators/pom.xml test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "$(cat /tmp/cp.txt):bundles/org.geopinn.operators/target/classes:bundles/org.geopinn.operators/target/test-classes" org.geopinn.operators.timing.ResidualSystemTiming
 * </pre>
 */
public final class ResidualSystemTiming {
    private ResidualSystemTiming() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        Problem p = TestProblems.laplace2d();
        Model m = StandardModels.create("mlp", new ModelSpec(new double[] {0, 0}, new double[] {1, 1}, List.of("u"),
                new int[] {64, 64, 64}, "tanh", "xavier", false, false, Map.of()));
        Map<String, double[]> pts = TestProblems.randomPoints(p, 0, 1); // the problem's 900 + 120 points
        for (int threads : new int[] {1, 2}) {
            StackedResidualSystem rs = StackedResidualSystem.build(p, m, pts, LossScaling.MEAN, EvaluatorFactory.EXACT, threads);
            double[] theta = m.initialParameters(1);
            double[] g = new double[rs.parameterCount()];
            double[] j = new double[rs.residualCount() * rs.parameterCount()];
            double best = Double.MAX_VALUE;
            double bestJacobian = Double.MAX_VALUE;
            for (int i = 0; i < 40; i++) {
                theta[0] += 1e-9;
                long t0 = System.nanoTime();
                rs.lossAndGradient(theta, g);
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
            for (int i = 0; i < 12; i++) {
                theta[0] += 1e-9;
                long t0 = System.nanoTime();
                rs.jacobian(theta, j);
                bestJacobian = Math.min(bestJacobian, (System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("%s threads=%d: best loss+gradient %.1f ms, best Jacobian %d×%d %.1f ms%n", rs, threads, best,
                    rs.residualCount(), rs.parameterCount(), bestJacobian);
        }
    }
}
