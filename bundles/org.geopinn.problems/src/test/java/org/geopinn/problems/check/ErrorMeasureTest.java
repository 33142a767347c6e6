package org.geopinn.problems.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.problems.library.NernstPlanckPoisson1d;
import org.junit.jupiter.api.Test;

class ErrorMeasureTest {

    @Test
    void relativeErrorsPerFieldAndRmsWhereTheReferenceVanishes() {
        // Two points, two fields: field 0 off by 10 %, field 1 is zero in the reference.
        double[] ref = {1, 0, 2, 0};
        double[] approx = {1.1, 0.3, 2.2, -0.4};
        double[] e = ErrorMeasure.relativeL2(ref, approx, 2, 2);
        assertEquals(0.1, e[0], 1e-12);
        assertEquals(Math.sqrt((0.09 + 0.16) / 2), e[1], 1e-12);
        assertEquals((e[0] + e[1]) / 2, ErrorMeasure.mean(e), 1e-15);
    }

    @Test
    void gridsInLowDimensionSobolInHigh() {
        Domain square = new Domain(List.of("x", "y"), new double[] {0, -1}, new double[] {1, 1}, List.of(DomainPart.interior("i")));
        double[] grid = ErrorMeasure.evaluationPoints(square, 10_000);
        assertEquals(2 * 100 * 100, grid.length);
        assertArrayEquals(new double[] {0, -1}, new double[] {grid[0], grid[1]});
        assertArrayEquals(new double[] {1, 1}, new double[] {grid[grid.length - 2], grid[grid.length - 1]});
        Domain cube = new Domain(List.of("a", "b", "c", "d", "e"), new double[5], new double[] {1, 1, 1, 1, 1},
                List.of(DomainPart.interior("i")));
        double[] sobol = ErrorMeasure.evaluationPoints(cube, 4096);
        assertEquals(5 * 4096, sobol.length);
        for (double v : sobol) {
            assertEquals(0.5, v, 0.5);
        }
    }

    @Test
    void aTrainedSolutionEqualToTheReferenceHasZeroError() {
        Problem npp = NernstPlanckPoisson1d.define(0.1, 1, 3);
        TrainedSolution perfect = new TrainedSolution() {
            @Override public String problemId() { return npp.id(); }
            @Override public List<String> variables() { return npp.vocabulary().variables(); }
            @Override public List<String> fields() { return npp.vocabulary().fields(); }
            @Override public void evaluate(double[] points, int n, DerivativeRequest request, double[] out) {
                double[] rowMajor = new double[n * 3];
                npp.reference().orElseThrow().evaluate(points, n, rowMajor);
                for (int i = 0; i < n; i++) {
                    for (int f = 0; f < 3; f++) {
                        out[f * n + i] = rowMajor[i * 3 + f] * (f == 2 ? 1.01 : 1);
                    }
                }
            }
        };
        double[] e = ErrorMeasure.relativeL2(npp, perfect);
        assertEquals(0, e[0], 1e-15);
        assertEquals(0, e[1], 1e-15);
        assertEquals(0.01, e[2], 1e-12);
    }
}
