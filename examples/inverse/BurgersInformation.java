import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import org.geopinn.problems.reference.BurgersColeHopf;

/**
 * How well observations of the Burgers solution can determine ν at all, whatever the solver: with
 * the PDE solved exactly (the Cole–Hopf solution), the maximum-likelihood estimate ν̂ from
 * observations with Gaussian noise of standard deviation σ minimizes Σ (u_ν(x_i) − y_i)², and its
 * standard deviation (the Cramér–Rao bound, one parameter) is σ / ‖∂u/∂ν‖ over the observation
 * points. ν̂ is found by Gauss–Newton on the one parameter, ∂u/∂ν by central differences of the
 * Cole–Hopf solution. Run from this folder, after a build, with
 * {@code CP=../../bundles/org.geopinn.problems/target/classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar}:
 *
 * <pre>
 * java -cp $CP BurgersInformation.java burgers-observations-noisy.csv 0.2 0.0062
 * java -cp $CP BurgersInformation.java --draws burgers-observations.csv 0.2 5
 * java -cp $CP BurgersInformation.java --designs 200 0.0062
 * </pre>
 *
 * The first form takes an observation file, the held-out share and σ: only the training rows count
 * (the same fixed-seed shuffle as {@code Observations} holds out the validation share). The second
 * adds noise draws of σ = 1 % of the values' root mean square to the clean file (the first draw is
 * the benchmark's own noisy file, seed 31 as in {@code BurgersObservations}) and fits each: how the
 * exact estimator itself scatters. The third compares designs of N observation points with the same
 * σ: uniform random points, bands around the shock, and the best any N points can do — for one
 * parameter the Fisher information Σ (∂u/∂ν)²/σ² is at most N·max (∂u/∂ν)²/σ², so no placement of N
 * points has a smaller bound than σ / (√N · max |∂u/∂ν|).
 */
public class BurgersInformation {
    /** The seed of the shuffle that picks the held-out rows (as {@code Observations}). */
    private static final long SPLIT_SEED = 0x0b5e_7a7eL;
    /** The seeds of the noise and of the points of {@code BurgersObservations}. */
    private static final long NOISE_SEED = 31;
    private static final long POINT_SEED = 29;
    private static final double NU = 0.01 / Math.PI;
    private static final int QUADRATURE = 160;

    /** The exact solution at ν and at ν ± h, for values and central differences in ν. */
    private record Solutions(BurgersColeHopf at, BurgersColeHopf plus, BurgersColeHopf minus, double h) {
        Solutions(double nu) {
            this(new BurgersColeHopf(nu, QUADRATURE), new BurgersColeHopf(nu * (1 + 1e-4), QUADRATURE),
                    new BurgersColeHopf(nu * (1 - 1e-4), QUADRATURE), 1e-4 * nu);
        }

        double sensitivity(double t, double x) {
            return (plus.value(t, x) - minus.value(t, x)) / (2 * h);
        }
    }

    /** The maximum-likelihood fit: ν̂, ‖∂u/∂ν‖ at the true ν, the mean square misfit at ν̂ and at the true ν. */
    private record Fit(double nu, double sensitivity, double misfit, double misfitAtTrue) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--draws")) {
            draws(read(Path.of(args[1])), Double.parseDouble(args[2]), Integer.parseInt(args[3]));
        } else if (args.length == 3 && args[0].equals("--designs")) {
            designs(Integer.parseInt(args[1]), Double.parseDouble(args[2]));
        } else if (args.length == 3) {
            double sigma = Double.parseDouble(args[2]);
            List<double[]> rows = training(read(Path.of(args[0])), Double.parseDouble(args[1]));
            Fit fit = fit(rows);
            System.out.println(String.format(Locale.ROOT, "%d training rows; ||du/dnu|| = %.4g; Cramer-Rao: sd(nu) = %.3g (%.3g relative)",
                    rows.size(), fit.sensitivity(), sigma / fit.sensitivity(), sigma / fit.sensitivity() / NU));
            System.out.println(String.format(Locale.ROOT, "maximum-likelihood nu = %.8g (relative error %.3g); mean square misfit %.4g"
                    + " there, %.4g at the true nu; sigma^2 = %.4g", fit.nu(), (fit.nu() - NU) / NU, fit.misfit(), fit.misfitAtTrue(),
                    sigma * sigma));
        } else {
            System.err.println("usage: BurgersInformation FILE SHARE SIGMA | --draws CLEAN-FILE SHARE N | --designs N SIGMA");
            System.exit(2);
        }
    }

    private static double[][] read(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int n = lines.size() - 1;
        double[][] table = new double[n][3];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < 3; j++) {
                table[i][j] = Double.parseDouble(cells[j].trim());
            }
        }
        return table;
    }

    /** The rows that are not held out, in the order {@code Observations} trains them. */
    private static List<double[]> training(double[][] table, double fraction) {
        int n = table.length;
        int held = (int) Math.round(fraction * n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SPLIT_SEED);
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        List<double[]> rows = new ArrayList<>();
        for (int r = held; r < n; r++) {
            rows.add(table[order[r]]);
        }
        return rows;
    }

    /** Gauss–Newton on ν alone, from the true ν: the least-squares fit of the exact solution to (t, x, y) rows. */
    private static Fit fit(List<double[]> rows) {
        double nu = NU;
        double sensitivity = 0;
        double misfitAtTrue = 0;
        double misfit = 0;
        for (int iteration = 0; iteration < 8; iteration++) {
            Solutions s = new Solutions(nu);
            double ss = 0;
            double sr = 0;
            double rr = 0;
            for (double[] row : rows) {
                double d = s.sensitivity(row[0], row[1]);
                double r = row[2] - s.at().value(row[0], row[1]);
                ss += d * d;
                sr += d * r;
                rr += r * r;
            }
            if (iteration == 0) {
                sensitivity = Math.sqrt(ss);
                misfitAtTrue = rr / rows.size();
            }
            misfit = rr / rows.size();
            nu += sr / ss;
        }
        return new Fit(nu, sensitivity, misfit, misfitAtTrue);
    }

    /** Noise draws on the clean file, as {@code BurgersObservations} adds them (all rows in order, then the split). */
    private static void draws(double[][] clean, double fraction, int count) {
        double squares = 0;
        for (double[] row : clean) {
            squares += row[2] * row[2];
        }
        double sigma = 0.01 * Math.sqrt(squares / clean.length);
        double sum = 0;
        double sumSquares = 0;
        int within = 0;
        double bound = 0;
        for (int d = 0; d < count; d++) {
            Random noise = new Random(NOISE_SEED + d);
            double[][] noisy = new double[clean.length][];
            for (int i = 0; i < clean.length; i++) {
                noisy[i] = new double[] {clean[i][0], clean[i][1], clean[i][2] + sigma * noise.nextGaussian()};
            }
            Fit fit = fit(training(noisy, fraction));
            bound = sigma / fit.sensitivity() / NU;
            double error = (fit.nu() - NU) / NU;
            sum += error;
            sumSquares += error * error;
            within += Math.abs(error) <= 0.01 ? 1 : 0;
            System.out.println(String.format(Locale.ROOT, "noise seed %d: maximum-likelihood nu = %.8g, relative error %+.4f",
                    NOISE_SEED + d, fit.nu(), error));
        }
        double mean = sum / count;
        System.out.println(String.format(Locale.ROOT, "sigma = %.4g; %d draws: mean relative error %+.4f, root mean square %.4f,"
                + " within 1 %%: %d; Cramer-Rao sd %.4f", sigma, count, mean, Math.sqrt(sumSquares / count), within, bound));
    }

    /** The Cramér–Rao bound of several designs of {@code count} points with noise σ. */
    private static void designs(int count, double sigma) {
        Solutions s = new Solutions(NU);
        Random points = new Random(POINT_SEED);
        report("uniform random in (0,1] x [-1,1]", s, count, sigma, () -> new double[] {1 - points.nextDouble(),
                -1 + 2 * points.nextDouble()});
        for (double width : new double[] {0.2, 0.05, 0.02}) {
            Random band = new Random(POINT_SEED);
            report(String.format(Locale.ROOT, "uniform random in (0,1] x [-%s,%s]", width, width), s, count, sigma,
                    () -> new double[] {1 - band.nextDouble(), width * (2 * band.nextDouble() - 1)});
        }
        Random late = new Random(POINT_SEED);
        report("uniform random in [0.5,1] x [-0.02,0.02]", s, count, sigma, () -> new double[] {0.5 + 0.5 * late.nextDouble(),
                0.02 * (2 * late.nextDouble() - 1)});
        // the largest sensitivity on a grid that resolves the shock layer (spacing 1e-4 in |x| ≤ 0.05)
        double best = 0;
        double bestT = 0;
        double bestX = 0;
        for (int i = 1; i <= 100; i++) {
            double t = i / 100.0;
            for (int j = -1000; j <= 1000; j++) {
                double x = j * 5e-5;
                double d = Math.abs(s.sensitivity(t, x));
                if (d > best) {
                    best = d;
                    bestT = t;
                    bestX = x;
                }
            }
        }
        double sd = sigma / (Math.sqrt(count) * best) / NU;
        System.out.println(String.format(Locale.ROOT, "best any %d points can do: max |du/dnu| = %.4g at t = %.2f, x = %.5f;"
                + " Cramer-Rao sd(nu) >= %.4f relative, P(within 1 %%) <= %.3f", count, best, bestT, bestX, sd, within(sd)));
    }

    private static void report(String name, Solutions s, int count, double sigma, java.util.function.Supplier<double[]> point) {
        double ss = 0;
        for (int i = 0; i < count; i++) {
            double[] p = point.get();
            double d = s.sensitivity(p[0], p[1]);
            ss += d * d;
        }
        double sd = sigma / Math.sqrt(ss) / NU;
        System.out.println(String.format(Locale.ROOT, "%d points %s: ||du/dnu|| = %.4g; Cramer-Rao sd(nu) = %.4f relative,"
                + " P(within 1 %%) = %.3f", count, name, Math.sqrt(ss), sd, within(sd)));
    }

    /** P(|Z| ≤ 0.01/sd) for a normal Z: the chance that an unbiased estimate with this sd lands within 1 %. */
    private static double within(double sd) {
        return erf(0.01 / sd / Math.sqrt(2));
    }

    /** The error function (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7). */
    private static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * x);
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-x * x);
        return y;
    }
}
