package org.geopinn.bench.optimizers;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.kernels.openblas.NativeKernelsComponent;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.Kernels;
import org.geopinn.optimizer.lm.LmFactory;

/**
 * {@code lm} step times at equal work, for comparing two builds on the same machine state: each
 * repeat creates a fresh {@code lm} from the same Xavier start (random seed 0), takes one untimed
 * step (buffers are allocated there) and times steps 2..k, wall clock and process CPU time (all
 * threads); the losses printed must agree between builds. With {@code -Dparts} it then times the
 * parts of a step one by one on the start: residuals, Jacobian, the smaller Gram matrix, one
 * Cholesky of it plus 1e-3·max diag, and one loss.
 *
 * <pre>java -Xmx6g -cp benchmarks/target/benchmarks.jar [-Dparts] org.geopinn.bench.optimizers.LmStepParts wide|tall repeats steps [lm settings a=b;c=d]</pre>
 *
 * Shapes, 2-D Laplace: {@code wide} MLP [2,64,64,64,1] on 900 + 120 points (S = 1020 &lt; P = 8577,
 * JJᵀ); {@code tall} MLP [2,30,30,30,1] on 2500 + 160 points (S = 2660 &gt; P = 1981, JᵀJ).
 */
public final class LmStepParts {
    private LmStepParts() {
    }


    static double median(double[] x) {
        double[] y = x.clone();
        Arrays.sort(y);
        return y[y.length / 2];
    }

    /** @param args shape, repeats, steps per repeat, optional lm settings */
    public static void main(String[] args) {
        String shape = args[0];
        int repeats = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        String settings = args.length > 3 ? args[3] : "";
        NativeKernelsComponent.offerOutsideFramework(0);
        PinnCase c = switch (shape) {
            case "wide" -> PinnCase.laplace(new int[] {64, 64, 64}, 0, LossScaling.SUM);        // S 1020 < P 8577
            case "tall" -> PinnCase.laplace(new int[] {30, 30, 30}, 0, LossScaling.SUM, 50, 40); // S 2660 > P 1981
            default -> throw new IllegalArgumentException(shape);
        };
        ResidualSystem sys = c.system;
        int s = sys.residualCount(), p = sys.parameterCount();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "# %s S=%d P=%d load %.2f kernels %s%n", shape, s, p, os.getSystemLoadAverage(), Kernels.describe());
        Map<String, Object> o = new java.util.HashMap<>();
        for (String kv : settings.split(";")) if (!kv.isBlank()) { String[] t = kv.split("="); o.put(t[0], t[1]); }
        double[] perStep = new double[repeats];
        double[] cpuStep = new double[repeats];
        String last = "";
        for (int r = 0; r < repeats; r++) {
            Optimizer opt = new LmFactory().create(o);
            double[] theta = c.theta0.clone();
            opt.step(sys, theta);
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            int ev = 0;
            StepResult res = null;
            for (int k = 1; k < steps; k++) { res = opt.step(sys, theta); ev += res.evaluations(); }
            perStep[r] = (System.nanoTime() - t0) * 1e-9 / (steps - 1);
            cpuStep[r] = (os.getProcessCpuTime() - c0) * 1e-9 / (steps - 1);
            last = String.format(Locale.ROOT, "loss %.10e evaluations %d (%s)", res.lossAfter(), ev, res.detail());
        }
        System.out.printf(Locale.ROOT, "lm step wall median %.4f s min %.4f s, cpu median %.4f s min %.4f s  [%s]%n", median(perStep), Arrays.stream(perStep).min().getAsDouble(), median(cpuStep), Arrays.stream(cpuStep).min().getAsDouble(), last);
        if (System.getProperty("parts") == null) { System.out.printf(Locale.ROOT, "# load at end %.2f%n", os.getSystemLoadAverage()); return; }
        // parts
        DenseKernels k = DenseKernels.preferred();
        double[] theta = c.theta0.clone();
        double[] res = new double[s];
        DMatrixRMaj j = new DMatrixRMaj(s, p);
        DMatrixRMaj g = new DMatrixRMaj(1, 1), l = new DMatrixRMaj(1, 1);
        int n = Math.min(s, p);
        double[][] t = new double[5][repeats];
        for (int r = 0; r < repeats; r++) {
            long a = System.nanoTime(); sys.residuals(theta, res);
            long b = System.nanoTime(); sys.jacobian(theta, j.data);
            long cc = System.nanoTime(); if (s <= p) k.gramOfRows(j, g); else k.gramOfColumns(j, g);
            long d = System.nanoTime(); double mx = 0; for (int i = 0; i < n; i++) mx = Math.max(mx, g.data[i * n + i]);
            for (int i = 0; i < n; i++) g.data[i * n + i] += 1e-3 * mx; k.cholesky(g, l);
            long e = System.nanoTime(); sys.loss(theta);
            long f = System.nanoTime();
            t[0][r] = (b - a) * 1e-9; t[1][r] = (cc - b) * 1e-9; t[2][r] = (d - cc) * 1e-9; t[3][r] = (e - d) * 1e-9; t[4][r] = (f - e) * 1e-9;
        }
        System.out.printf(Locale.ROOT, "parts median: residuals %.4f  jacobian %.4f  gram %.4f  cholesky %.4f  loss %.4f s%n",
                median(t[0]), median(t[1]), median(t[2]), median(t[3]), median(t[4]));
        System.out.printf(Locale.ROOT, "# load at end %.2f%n", os.getSystemLoadAverage());
    }
}
