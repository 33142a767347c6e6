import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geopinn.problems.reference.BurgersColeHopf;

/**
 * The field error of a trained Burgers solution against the Cole–Hopf solution (ν = 0.01/π, the
 * reference of the {@code burgers} problem), over the whole domain: the inverse declarations cannot
 * state that solution, so their own reported error is the one on the held-out observations, which
 * with noise carries the noise. Reads the grid that {@code ./geopinn export DIR --vtk-xml FILE.vti}
 * writes (axes t, x; ASCII) and prints the relative L2 error over its points. Run from this folder,
 * after a build, with
 * {@code CP=../../bundles/org.geopinn.problems/target/classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar}:
 *
 * <pre>
 * ./geopinn export runs/burgers-inverse-band --vtk-xml u.vti --resolution 201   # from the repository's root
 * java -cp $CP BurgersFieldError.java ../../u.vti
 * </pre>
 */
public class BurgersFieldError {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BurgersFieldError FILE.vti (from ./geopinn export DIR --vtk-xml FILE.vti)");
            System.exit(2);
        }
        String text = Files.readString(Path.of(args[0]));
        int[] extent = numbers(text, "WholeExtent=\"([^\"]*)\"").stream().mapToInt(Double::intValue).toArray();
        List<Double> origin = numbers(text, "Origin=\"([^\"]*)\"");
        List<Double> spacing = numbers(text, "Spacing=\"([^\"]*)\"");
        Matcher values = Pattern.compile("Name=\"u\" format=\"ascii\">([^<]*)<").matcher(text);
        if (!values.find()) {
            throw new IllegalArgumentException(args[0] + " has no ASCII array u");
        }
        String[] u = values.group(1).trim().split("\\s+");
        int nt = extent[1] - extent[0] + 1;
        int nx = extent[3] - extent[2] + 1;
        if (u.length != nt * nx) {
            throw new IllegalArgumentException(args[0] + ": " + u.length + " values for a " + nt + " x " + nx + " grid");
        }
        BurgersColeHopf exact = new BurgersColeHopf(0.01 / Math.PI, 120);
        double error = 0;
        double norm = 0;
        double worst = 0;
        for (int j = 0; j < nx; j++) { // the first axis (t) varies fastest
            double x = origin.get(1) + (extent[2] + j) * spacing.get(1);
            for (int i = 0; i < nt; i++) {
                double t = origin.get(0) + (extent[0] + i) * spacing.get(0);
                double ref = exact.value(t, x);
                double d = Double.parseDouble(u[j * nt + i]) - ref;
                error += d * d;
                norm += ref * ref;
                worst = Math.max(worst, Math.abs(d));
            }
        }
        System.out.println(String.format(Locale.ROOT, "%d x %d grid (t, x): rel. L2 error against Cole-Hopf %.3e, largest |error| %.3e",
                nt, nx, Math.sqrt(error / norm), worst));
    }

    private static List<Double> numbers(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + regex + " in the file");
        }
        List<Double> out = new ArrayList<>();
        for (String s : m.group(1).trim().split("\\s+")) {
            out.add(Double.parseDouble(s));
        }
        return out;
    }
}
