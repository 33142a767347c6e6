package org.geopinn.problem.builder;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;

/**
 * A problem built by {@link ProblemBuilder} that can make its coefficients parametric
 * ({@link Problem#parametric}): it keeps its builder's declarations and builds them again with each
 * named coefficient as one more input of the network over its range, appended after the variables
 * (as {@link ProblemBuilder#parameter} declares one). Because the declarations are functions of the
 * vocabulary, operator text, source text, exact solutions as text, hard conditions and operators
 * written in Java on the vocabulary ({@code v.coefficient("k")} reads the input once it is one) all
 * follow the coefficient, and so do a source and a reference written in Java that read the coefficients
 * by name ({@link CoefficientFunction}). A plain Java function of the point cannot be re-read: such a
 * source is kept as it is (it sees the point with the new inputs last), such a reference or a
 * {@code ReferenceSolution} is dropped, since it was computed for one value.
 *
 * <p>Refused on one line: a name that is not a coefficient of the problem, a trained coefficient
 * (it is either trained or an input), a range that is not two finite numbers lo &lt; hi, a geometry
 * domain, observations (their points have no value of the new input) and periodic pairs (their
 * shift is found in the domain without it).
 */
final class ParametricRebuild extends ProblemComponent {
    private final Function<Map<String, double[]>, ProblemBuilder> again;

    /**
     * @param built the problem as built
     * @param again the builder's declarations with the given coefficients as parameters
     */
    ParametricRebuild(Problem built, Function<Map<String, double[]>, ProblemBuilder> again) {
        super(built);
        this.again = Objects.requireNonNull(again, "again");
    }

    @Override
    public Problem parametric(Map<String, double[]> ranges) {
        if (ranges.isEmpty()) {
            return this;
        }
        check(this, ranges);
        return again.apply(ranges).build();
    }

    /**
     * @param problem the problem whose coefficients become inputs
     * @param ranges {lo, hi} by coefficient name
     * @throws GeopinnException one line naming the problem and the first reason it cannot
     */
    static void check(Problem problem, Map<String, double[]> ranges) {
        String named = "problem '" + problem.id() + "': ";
        for (Map.Entry<String, double[]> e : ranges.entrySet()) {
            String name = e.getKey();
            double[] r = e.getValue();
            if (problem.unknowns().containsKey(name)) {
                throw new GeopinnException(named + "'" + name + "' is an unknown (trained) coefficient; a coefficient is either"
                        + " trained or an input, not both");
            }
            if (!problem.coefficients().containsKey(name)) {
                throw new GeopinnException(named + "it has no coefficient '" + name + "'; its coefficients: "
                        + (problem.coefficients().isEmpty() ? "none" : String.join(", ", problem.coefficients().keySet())));
            }
            if (r == null || r.length != 2 || !Double.isFinite(r[0]) || !Double.isFinite(r[1]) || !(r[0] < r[1])) {
                throw new GeopinnException(named + "the range of '" + name + "' must be two finite numbers lo < hi, got "
                        + (r == null ? "none" : java.util.Arrays.toString(r)));
            }
        }
        if (problem.domain().geometry().isPresent()) {
            throw new GeopinnException(named + "it has a geometry domain; parametric coefficients need a box domain for now");
        }
        List<Condition> conditions = problem.conditions();
        for (Condition c : conditions) {
            if (c.data() != null) {
                throw new GeopinnException(named + "condition '" + c.name() + "' holds data at fixed points, which have no value of "
                        + ranges.keySet() + "; a parametric problem cannot use them");
            }
            if (c.pair() != null) {
                throw new GeopinnException(named + "condition '" + c.name() + "' is a periodic pair, whose shift is found in the"
                        + " domain without " + ranges.keySet() + "; not supported with parametric coefficients yet");
            }
        }
    }
}
