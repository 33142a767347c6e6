import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.geopinn.problems.reference.BurgersColeHopf;

/**
 * Writes the observations of the Burgers inverse benchmark from the Cole–Hopf solution (the
 * reference of the {@code burgers} problem: 120-point Gauss–Hermite quadrature, ν = 0.01/π), at 200
 * uniform random points of (0, 1] × [−1, 1] (seeded): burgers-observations.csv without noise and
 * burgers-observations-noisy.csv with Gaussian noise of standard deviation 1 % of the root mean
 * square of the clean values (noise seed 31). Given a noise seed as its argument, it writes only
 * burgers-observations-noisy-SEED.csv: the same points with another draw of the noise (for the
 * spread of the estimate over draws, docs/GEOMETRY.md). Given {@code --band W SEED}, it writes
 * burgers-observations-band-SEED.csv: 200 points uniform in (0, 1] × [−W, W], a band around the
 * shock where the values depend most on ν, with noise of the same σ as the benchmark's (a
 * property of the measurement) drawn from SEED; the points are those of {@code BurgersInformation
 * --designs}, whose Cramér–Rao bound they have. Run from this folder, after a build:
 *
 * <pre>
 * java -cp ../../bundles/org.geopinn.problems/target/classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar BurgersObservations.java [SEED | --band W SEED]
 * </pre>
 */
public class BurgersObservations {
    public static void main(String[] args) throws IOException {
        BurgersColeHopf exact = new BurgersColeHopf(0.01 / Math.PI, 120);
        int count = 200;
        Random points = new Random(29);
        double[][] rows = new double[count][3];
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double t = 1 - points.nextDouble();
            double x = -1 + 2 * points.nextDouble();
            rows[i] = new double[] {t, x, exact.value(t, x)};
            squares += rows[i][2] * rows[i][2];
        }
        double sigma = 0.01 * Math.sqrt(squares / count);
        if (args.length == 3 && args[0].equals("--band")) {
            band(exact, count, sigma, Double.parseDouble(args[1]), Long.parseLong(args[2]));
            return;
        }
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 31;
        Random noise = new Random(seed);
        StringBuilder clean = new StringBuilder("t, x, u\n");
        StringBuilder noisy = new StringBuilder("t, x, u\n");
        for (double[] r : rows) {
            clean.append(r[0]).append(", ").append(r[1]).append(", ").append(r[2]).append('\n');
            noisy.append(r[0]).append(", ").append(r[1]).append(", ").append(r[2] + sigma * noise.nextGaussian()).append('\n');
        }
        if (args.length > 0) {
            Files.writeString(Path.of("burgers-observations-noisy-" + seed + ".csv"), noisy);
        } else {
            Files.writeString(Path.of("burgers-observations.csv"), clean);
            Files.writeString(Path.of("burgers-observations-noisy.csv"), noisy);
        }
        System.out.println(String.format(Locale.ROOT, "wrote %d observations; noise sigma = %.6g (1 %% of rms(u))", count, sigma));
    }

    /** Observations in the band |x| ≤ width, with the benchmark's σ and the noise of the given seed. */
    private static void band(BurgersColeHopf exact, int count, double sigma, double width, long seed) throws IOException {
        Random points = new Random(29);
        Random noise = new Random(seed);
        StringBuilder rows = new StringBuilder("t, x, u\n");
        for (int i = 0; i < count; i++) {
            double t = 1 - points.nextDouble();
            double x = width * (2 * points.nextDouble() - 1);
            rows.append(t).append(", ").append(x).append(", ").append(exact.value(t, x) + sigma * noise.nextGaussian()).append('\n');
        }
        Path file = Path.of("burgers-observations-band-" + seed + ".csv");
        Files.writeString(file, rows);
        System.out.println(String.format(Locale.ROOT, "wrote %d observations in |x| <= %s to %s; noise sigma = %.6g", count, width, file,
                sigma));
    }
}
