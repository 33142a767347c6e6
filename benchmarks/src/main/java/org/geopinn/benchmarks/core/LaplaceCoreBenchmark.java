package org.geopinn.benchmarks.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 2-D Laplace with an MLP [2,64,64,64,1] tanh (P = 8577), 900 interior points with jets
 * {u, u_x, u_y, u_xx, u_yy} and 120 boundary points (values only):
 * <ul>
 * <li>{@code evaluatorLossAndGradient}: forward + backward for ∇ of ½Σ(Δu − f)² + ½Σu², on the
 * ModelEvaluator directly;</li>
 * <li>{@code evaluatorJacobian}: the 1020×8577 Jacobian rows of the same residuals;</li>
 * <li>{@code residualSystemLossAndGradient}, {@code residualSystemJacobian}: the same through the
 * operators bundle's {@link StackedResidualSystem} (the path the optimizers use); θ alternates
 * between two vectors so that every call pays its forward pass, as in a training step.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LaplaceCoreBenchmark {
    private double[] theta;
    private double[] interior;
    private double[] boundary;
    private double[] source;
    private ModelEvaluator inside;
    private ModelEvaluator onBoundary;
    private double[] insideSeeds;
    private double[] boundarySeeds;
    private double[] gradient;
    private double[] jacobian;
    private ResidualSystem system;
    /** Two parameter vectors used in turn: the residual system caches its forward pass by θ. */
    private double[][] alternating;
    private int calls;
    private int xx;
    private int yy;

    /** Builds the model, points, evaluators, residual system and the Jacobian buffer once. */
    @Setup(Level.Trial)
    public void setUp() {
        Model model = LaplaceSetup.model();
        theta = model.initialParameters(1);
        interior = LaplaceSetup.interiorPoints();
        boundary = LaplaceSetup.boundaryPoints();
        DerivativeRequest request = DerivativeRequest.of(2,
                List.of(new int[] {1, 0}, new int[] {0, 1}, new int[] {2, 0}, new int[] {0, 2}));
        xx = request.indexOf(new int[] {2, 0});
        yy = request.indexOf(new int[] {0, 2});
        inside = model.evaluator(request, LaplaceSetup.INTERIOR);
        onBoundary = model.evaluator(DerivativeRequest.valuesOnly(2), LaplaceSetup.BOUNDARY);
        insideSeeds = new double[request.size() * LaplaceSetup.INTERIOR];
        boundarySeeds = new double[LaplaceSetup.BOUNDARY];
        source = LaplaceSetup.source(interior);
        gradient = new double[model.parameterCount()];
        jacobian = new double[(LaplaceSetup.INTERIOR + LaplaceSetup.BOUNDARY) * model.parameterCount()];
        double[] other = theta.clone();
        other[0] += 1e-9;
        alternating = new double[][] {theta, other};
        system = StackedResidualSystem.build(LaplaceSetup.problem(), model,
                Map.of("pde", interior, "boundary", boundary), LossScaling.SUM, EvaluatorFactory.EXACT);
    }

    /** @return the loss; the gradient is left in a field */
    @Benchmark
    public double evaluatorLossAndGradient() {
        int n = LaplaceSetup.INTERIOR;
        inside.forward(theta, interior, n);
        onBoundary.forward(theta, boundary, LaplaceSetup.BOUNDARY);
        double[] v = inside.values();
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double r = v[xx * n + i] + v[yy * n + i] - source[i];
            insideSeeds[xx * n + i] = r;
            insideSeeds[yy * n + i] = r;
            loss += 0.5 * r * r;
        }
        double[] b = onBoundary.values();
        for (int i = 0; i < LaplaceSetup.BOUNDARY; i++) {
            boundarySeeds[i] = b[i];
            loss += 0.5 * b[i] * b[i];
        }
        java.util.Arrays.fill(gradient, 0.0);
        inside.backward(insideSeeds, gradient);
        onBoundary.backward(boundarySeeds, gradient);
        return loss + gradient[0];
    }

    /** @return one entry, so the work is not dead code */
    @Benchmark
    public double evaluatorJacobian() {
        int n = LaplaceSetup.INTERIOR;
        inside.forward(theta, interior, n);
        onBoundary.forward(theta, boundary, LaplaceSetup.BOUNDARY);
        for (int i = 0; i < n; i++) {
            insideSeeds[xx * n + i] = 1.0;
            insideSeeds[yy * n + i] = 1.0;
        }
        java.util.Arrays.fill(boundarySeeds, 1.0);
        inside.jacobianRows(insideSeeds, jacobian, 0);
        onBoundary.jacobianRows(boundarySeeds, jacobian, n);
        return jacobian[jacobian.length - 1];
    }

    /** @return the loss through the residual system */
    @Benchmark
    public double residualSystemLossAndGradient() {
        return system.lossAndGradient(alternating[calls++ & 1], gradient);
    }

    /** @return one entry of the Jacobian built by the residual system */
    @Benchmark
    public double residualSystemJacobian() {
        system.jacobian(alternating[calls++ & 1], jacobian);
        return jacobian[jacobian.length - 1];
    }
}
