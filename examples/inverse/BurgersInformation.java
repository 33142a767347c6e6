import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.geopinn.problems.reference.BurgersColeHopf;

/**
 * How well the Burgers observations can determine ν at all, whatever the solver: with the PDE solved
 * exactly (the Cole–Hopf solution), the maximum-likelihood estimate ν̂ from observations with
 * Gaussian noise of standard deviation σ minimizes Σ (u_ν(x_i) − y_i)², and its standard deviation
 * (the Cramér–Rao bound, one parameter) is σ / ‖∂u/∂ν‖ over the observation points. Only the
 * training rows count: the same fixed-seed shuffle as {@code Observations} holds out the validation
 * share. ν̂ is found by Gauss–Newton on the one parameter, ∂u/∂ν by central differences of the
 * Cole–Hopf solution. Run from this folder, after a build:
 *
 * <pre>
 * java -cp ../../bundles/org.geopinn.problems/target/classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar BurgersInformation.java burgers-observations-noisy.csv 0.2 0.0062
 * </pre>
 *
 * Arguments: the observation file, the held-out share, σ.
 */
public class BurgersInformation {
    /** The seed of the shuffle that picks the held-out rows (as {@code Observations}). */
    private static final long SPLIT_SEED = 0x0b5e_7a7eL;
    private static final double NU = 0.01 / Math.PI;

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        double fraction = Double.parseDouble(args[1]);
        double sigma = Double.parseDouble(args[2]);
        int n = lines.size() - 1;
        double[][] table = new double[n][3];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < 3; j++) {
                table[i][j] = Double.parseDouble(cells[j].trim());
            }
        }
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
        double nu = NU;
        double sensitivity = 0;
        double misfitAtTrue = 0;
        double misfit = 0;
        for (int iteration = 0; iteration < 8; iteration++) {
            double h = 1e-4 * nu;
            BurgersColeHopf plus = new BurgersColeHopf(nu + h, 160);
            BurgersColeHopf minus = new BurgersColeHopf(nu - h, 160);
            BurgersColeHopf at = new BurgersColeHopf(nu, 160);
            double ss = 0;
            double sr = 0;
            double rr = 0;
            for (double[] row : rows) {
                double s = (plus.value(row[0], row[1]) - minus.value(row[0], row[1])) / (2 * h);
                double r = row[2] - at.value(row[0], row[1]);
                ss += s * s;
                sr += s * r;
                rr += r * r;
            }
            if (iteration == 0) {
                sensitivity = Math.sqrt(ss);
                misfitAtTrue = rr / rows.size();
            }
            misfit = rr / rows.size();
            nu += sr / ss;
        }
        System.out.println(String.format(Locale.ROOT, "%d training rows; ||du/dnu|| = %.4g; Cramer-Rao: sd(nu) = %.3g (%.3g relative)",
                rows.size(), sensitivity, sigma / sensitivity, sigma / sensitivity / NU));
        System.out.println(String.format(Locale.ROOT, "maximum-likelihood nu = %.8g (relative error %.3g); mean square misfit %.4g"
                + " there, %.4g at the true nu; sigma^2 = %.4g", nu, (nu - NU) / NU, misfit, misfitAtTrue, sigma * sigma));
    }
}
