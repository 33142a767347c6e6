package org.geopinn.operators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.problem.CoefficientModel;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;

/**
 * Puts a {@link StackedResidualSystem} together: checks that problem, model and points fit, picks
 * the thread count, and builds one {@link ConditionBlock} per condition with its region's measure
 * and the trained coefficients the model carries.
 */
final class StackAssembly {
    /** Below this many rows one thread is used by default: the hand-over would cost more than it saves. */
    static final int ROWS_PER_EXTRA_THREAD = 256;

    private StackAssembly() {
    }

    /**
     * @param problem the problem (its conditions define the groups, in order)
     * @param model the model the operators act on
     * @param points collocation points per condition name, row-major n×d (copied)
     * @param scaling how rows are scaled (null: MEAN)
     * @param evaluators how input derivatives are obtained
     * @param threads T ≥ 1, or 0 for {@link #defaultThreads}
     * @return the residual system
     * @throws GeopinnException with a one-line message when something does not fit
     */
    static StackedResidualSystem build(Problem problem, Model model, Map<String, double[]> points, LossScaling scaling,
            EvaluatorFactory evaluators, int threads) {
        ProblemCheck.check(problem, model, points);
        if (threads < 0) {
            throw new GeopinnException("thread count must be positive (or 0 for the default), got " + threads);
        }
        int d = problem.domain().dimension();
        int rows = 0;
        for (double[] p : points.values()) {
            rows += p.length / d;
        }
        int t = threads > 0 ? threads : defaultThreads(rows);
        List<String> unknowns = List.copyOf(problem.unknowns().keySet());
        List<String> carried = CoefficientModel.coefficientNames(model);
        if (!carried.equals(unknowns)) {
            throw new GeopinnException("problem '" + problem.id() + "' trains the coefficients " + unknowns
                    + " but the model's parameter vector carries " + carried
                    + "; extend the model by them (a CoefficientModel, as the models bundle's TrainedCoefficientModel.extend)");
        }
        List<ConditionBlock> blocks = new ArrayList<>();
        for (Condition c : problem.conditions()) {
            double measure = problem.domain().part(c.part()).measure(problem.domain());
            blocks.add(new ConditionBlock(c.name(), c.operator(), c.source(), c.weight(), model, d, measure,
                    scaling == null ? LossScaling.MEAN : scaling, evaluators, points.get(c.name()), t, unknowns, c.pair()));
        }
        return new StackedResidualSystem(model, new RowLayout(blocks), d, t);
    }

    /**
     * @param rows the number of residual rows
     * @return the default thread count for that many rows: the system property
     *         {@value StackedResidualSystem#THREADS_PROPERTY} if set, else the available processors
     *         but one thread per {@value #ROWS_PER_EXTRA_THREAD} rows at most
     * @throws GeopinnException when the property is not a whole number of at least 1
     */
    static int defaultThreads(int rows) {
        int wanted = Runtime.getRuntime().availableProcessors();
        String property = System.getProperty(StackedResidualSystem.THREADS_PROPERTY);
        if (property != null) {
            try {
                wanted = Integer.parseInt(property.trim());
            } catch (NumberFormatException e) {
                throw new GeopinnException("system property " + StackedResidualSystem.THREADS_PROPERTY + "=" + property
                        + " is not a whole number");
            }
            if (wanted < 1) {
                throw new GeopinnException("system property " + StackedResidualSystem.THREADS_PROPERTY + " must be at least 1, got "
                        + wanted);
            }
            return wanted;
        }
        return Math.max(1, Math.min(wanted, rows / ROWS_PER_EXTRA_THREAD));
    }
}
