package org.geopinn.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.SessionSpec;

/**
 * The outputs' counterpart of the inputs' normalisation: when the values a problem gives for a
 * field (its Dirichlet and initial data, its measurements) lie far outside the order-one range
 * of a freshly initialised network's outputs, the model maps its outputs to that field as
 * u = shift + scale·N, with shift the middle of the given values and scale half their range.
 *
 * <p>Why: a network starts with outputs of order one, and damped Gauss–Newton's first steps then
 * have to move it to the data. On a 1-D heat equation whose field is an offset plus sin πx/L, those
 * steps saturated the hidden units from an offset of about 100 on: the PDE residual's Jacobian
 * vanished and the run stopped with every step rejected (offset 100: relative error 2.5e-3,
 * offset 300: 8e-4, i.e. a quarter of the sine); mapped, both reached 1e-4 within 20 steps and
 * 6e-10 in 40 s. Offsets of 3 to 30 trained as fast unmapped as the offset-free field, 50 and 70
 * three and six times slower (docs/STRATEGY.md, "Fields far from order one"). So fields whose
 * given values stay within ±{@link #UNIT_RANGE} keep the identity, every problem of the project
 * among them (the largest given value, 12.2 for c₋ of the Nernst–Planck–Poisson layer at ζ = 2.5:
 * mapped, that run was ahead early and behind late). The scale never shrinks the outputs below
 * one: boundary data can be much smaller than the field inside (a source-driven interior), and
 * the data cannot show that.
 */
final class OutputNormalization {
    /** Given values within ±this leave the outputs as they are. */
    static final double UNIT_RANGE = 30.0;
    /** The model options that carry the map. */
    static final String SHIFT_OPTION = ModelSpec.OUTPUT_SHIFT;
    /** See {@link #SHIFT_OPTION}. */
    static final String SCALE_OPTION = ModelSpec.OUTPUT_SCALE;
    /** A model option the map would break: a factor that makes the outputs vanish on the boundary. */
    static final String FACTOR_OPTION = "output-factor";

    private OutputNormalization() {
    }

    /**
     * @param problem the problem as the session trains it
     * @param spec the user's spec (its seed, sampler and point counts draw the data's points)
     * @param directory where the samplers are
     * @param models the session's model factory
     * @param modelSpec the model spec without the map
     * @return the model spec with the map where a field's given values ask for one, else
     *         {@code modelSpec}; unchanged when the options already name a map or an output
     *         factor, or when the model kind does not take the map's options
     */
    static ModelSpec apply(Problem problem, SessionSpec spec, ServiceDirectory directory, ModelFactory models, ModelSpec modelSpec) {
        Map<String, String> options = modelSpec.options();
        if (options.containsKey(SHIFT_OPTION) || options.containsKey(SCALE_OPTION) || options.containsKey(FACTOR_OPTION)) {
            return modelSpec;
        }
        List<String> fields = modelSpec.fields();
        double[] min = new double[fields.size()];
        double[] max = new double[fields.size()];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        List<Condition> conditions = problem.conditions();
        int d = problem.domain().dimension();
        for (int g = 0; g < conditions.size(); g++) {
            // a value condition prescribes u itself; a periodic pair's source is a jump between two values, not one
            int f = conditions.get(g).pair() == null ? valueOf(conditions.get(g).operator()) : -1;
            if (f < 0 || f >= fields.size()) {
                continue;
            }
            double[] points = CollocationPoints.sample(problem, spec, directory, g, 0, 1);
            double[] x = new double[d];
            for (int i = 0; i + d <= points.length; i += d) {
                System.arraycopy(points, i, x, 0, d);
                double v = conditions.get(g).source().value(x);
                if (Double.isFinite(v)) {
                    min[f] = Math.min(min[f], v);
                    max[f] = Math.max(max[f], v);
                }
            }
        }
        double[] shift = new double[fields.size()];
        double[] scale = new double[fields.size()];
        boolean any = false;
        for (int f = 0; f < fields.size(); f++) {
            scale[f] = 1.0;
            if (min[f] <= max[f] && Math.max(Math.abs(min[f]), Math.abs(max[f])) > UNIT_RANGE) {
                shift[f] = 0.5 * (min[f] + max[f]);
                scale[f] = Math.max(1.0, 0.5 * (max[f] - min[f]));
                any = true;
            }
        }
        if (!any) {
            return modelSpec;
        }
        Map<String, String> mapped = new LinkedHashMap<>(options);
        mapped.put(SHIFT_OPTION, list(shift));
        mapped.put(SCALE_OPTION, list(scale));
        ModelSpec withMap = new ModelSpec(modelSpec.inputLower(), modelSpec.inputUpper(), fields, modelSpec.hidden(),
                modelSpec.activation(), modelSpec.initialization(), modelSpec.separateNetworks(), modelSpec.normalizeInputs(), mapped);
        try {
            models.create(withMap);
        } catch (GeopinnException e) { // a third party's model kind without the map: train as before
            return modelSpec;
        }
        return withMap;
    }

    /** @return the field index when the operator is the field itself (a value condition), else −1 */
    private static int valueOf(Expr operator) {
        return operator instanceof Expr.FieldDerivative d && d.totalOrder() == 0 ? d.field() : -1;
    }

    private static String list(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            // three significant digits: the map need not be exact, only of the data's size
            b.append(b.length() == 0 ? "" : ",").append(new java.math.BigDecimal(v).round(new java.math.MathContext(3))
                    .stripTrailingZeros().toPlainString());
        }
        return b.toString();
    }
}
