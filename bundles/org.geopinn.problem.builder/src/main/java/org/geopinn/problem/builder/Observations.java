package org.geopinn.problem.builder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.ReferenceSolution;

/**
 * Measured values of one field at given points, as a loss term: the residual at observation i is
 * √w_i (u(x_i) − y_i), w_i the row's weight (1 without a weight column). A fraction of the rows,
 * chosen by a fixed-seed shuffle so every run holds out the same ones, is kept out of training as a
 * validation set; {@link #validation()} turns it into the problem's reference, so the relative L2
 * error the engine reports (progress line, history.csv, summary.json) is the error on the
 * held-out observations.
 *
 * <p>Files: CSV with a header naming the variables, the field and optionally {@value #WEIGHT}
 * (any order, other columns ignored), a NumPy {@code .npy} float64 or float32 array with the columns
 * variables, field[, weight] in that order, or a NumPy {@code .npz} file whose 1-D arrays, named like
 * the CSV columns, are the columns (other arrays ignored).
 */
public final class Observations {
    /** The name of the optional weight column. */
    public static final String WEIGHT = "weight";
    /** Seed of the shuffle that picks the validation rows. */
    private static final long SPLIT_SEED = 0x0b5e_7a7eL;

    private final String field;
    private final int d;
    private final double[] trainPoints;
    private final double[] trainValues;
    private final double[] trainWeights;
    private final double[] validationPoints;
    private final double[] validationValues;

    private Observations(String field, int d, double[] table, double validationFraction) {
        this.field = field;
        this.d = d;
        int width = d + 2;
        int n = table.length / width;
        int held = (int) Math.round(validationFraction * n);
        if (held >= n) {
            throw new GeopinnException("observations of '" + field + "': holding out " + held + " of " + n
                    + " rows leaves none to train on");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SPLIT_SEED);
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        validationPoints = new double[held * d];
        validationValues = new double[held];
        trainPoints = new double[(n - held) * d];
        trainValues = new double[n - held];
        trainWeights = new double[n - held];
        for (int r = 0; r < n; r++) {
            int row = order[r];
            boolean validation = r < held;
            int i = validation ? r : r - held;
            System.arraycopy(table, row * width, validation ? validationPoints : trainPoints, i * d, d);
            double w = table[row * width + d + 1];
            if (!(w >= 0)) {
                throw new GeopinnException("observations of '" + field + "': weight " + w + " in row " + row + "; weights are non-negative");
            }
            if (validation) {
                validationValues[i] = table[row * width + d];
            } else {
                trainValues[i] = table[row * width + d];
                trainWeights[i] = w;
            }
        }
    }

    /**
     * @param file a CSV, {@code .npy} or {@code .npz} file
     * @param variables the problem's variables, in order
     * @param field the observed field
     * @param validationFraction the share of rows held out, in [0, 1)
     * @return the observations
     * @throws GeopinnException naming the file and the mistake
     */
    public static Observations read(Path file, List<String> variables, String field, double validationFraction) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new GeopinnException("the validation fraction of observations " + file + " must be in [0, 1), got " + validationFraction);
        }
        List<String> columns = new ArrayList<>(variables);
        columns.add(field);
        return new Observations(field, variables.size(), ObservationFile.read(file, columns, WEIGHT), validationFraction);
    }

    /**
     * @param points row-major n×d points
     * @param values the field's value at each
     * @param weights each row's weight, or null for 1
     * @param field the observed field
     * @param validationFraction the share of rows held out
     * @return the observations
     */
    public static Observations of(double[] points, double[] values, double[] weights, String field, double validationFraction) {
        int n = values.length;
        int d = points.length / Math.max(n, 1);
        double[] table = new double[n * (d + 2)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, i * d, table, i * (d + 2), d);
            table[i * (d + 2) + d] = values[i];
            table[i * (d + 2) + d + 1] = weights == null ? 1 : weights[i];
        }
        return new Observations(field, d, table, validationFraction);
    }

    /** @return the number of training rows */
    public int trainingSize() {
        return trainValues.length;
    }

    /** @return the number of held-out rows */
    public int validationSize() {
        return validationValues.length;
    }

    /**
     * @param name the condition's name
     * @param part the domain part it is attributed to (for measure scaling), e.g. {@code interior}
     * @param v the problem's vocabulary
     * @return the loss term on the training rows, with fixed points
     */
    public Condition condition(String name, String part, Vocabulary v) {
        PointTable values = new PointTable(trainPoints, d);
        double[] root = Arrays.stream(trainWeights).map(Math::sqrt).toArray();
        boolean weighted = Arrays.stream(trainWeights).anyMatch(w -> w != 1);
        Expr u = v.field(field);
        PointFunction source = weighted ? x -> root[values.row(x)] * trainValues[values.row(x)] : x -> trainValues[values.row(x)];
        Expr operator = weighted ? new Expr.Coefficient("sqrt_weight", x -> root[values.row(x)]).times(u) : u;
        return new Condition(name, part, operator, source, 1, trainValues.length, "grid", null, trainPoints);
    }

    /**
     * @return the held-out rows as a reference known only at their points (single-field problems)
     * @throws GeopinnException when no rows are held out
     */
    public ReferenceSolution validation() {
        if (validationValues.length == 0) {
            throw new GeopinnException("observations of '" + field + "' hold no validation rows");
        }
        PointTable table = new PointTable(validationPoints, d);
        double[] pts = validationPoints.clone();
        return new ReferenceSolution() {
            @Override
            public void evaluate(double[] points, int n, double[] out) {
                double[] x = new double[d];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(points, i * d, x, 0, d);
                    out[i] = validationValues[table.row(x)];
                }
            }

            @Override
            public double[] points() {
                return pts.clone();
            }
        };
    }

    /** Row lookup by exact coordinates (points are fixed, so they come back bit for bit). */
    private static final class PointTable {
        private final Map<List<Double>, Integer> rows = new HashMap<>();

        PointTable(double[] points, int d) {
            for (int i = 0; i < points.length / d; i++) {
                List<Double> key = new ArrayList<>(d);
                for (int j = 0; j < d; j++) {
                    key.add(points[i * d + j]);
                }
                if (rows.putIfAbsent(key, i) != null) {
                    throw new GeopinnException("observation point " + key + " appears twice; give each point once");
                }
            }
        }

        int row(double[] x) {
            List<Double> key = new ArrayList<>(x.length);
            for (double c : x) {
                key.add(c);
            }
            Integer r = rows.get(key);
            if (r == null) {
                throw new GeopinnException("no observation at " + Arrays.toString(x) + "; observation points are fixed");
            }
            return r;
        }
    }
}
