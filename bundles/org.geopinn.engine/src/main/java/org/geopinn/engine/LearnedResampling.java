package org.geopinn.engine;

import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Collocation;
import org.geopinn.samplers.CollocationChooser;
import org.geopinn.samplers.CollocationLearner;
import org.geopinn.samplers.EmpiricalGradientLearner;

/**
 * Learned collocation points at each resampling round ({@link Collocation}): the points of every
 * interior condition are moved from where they are by one of the samplers bundle's learners, the
 * round's fresh candidates serving as the reference points (so the learner sees a new reference set
 * every round, drawn from the seed); points of boundary, initial and data conditions stay as they are.
 * The objective {@code projection} uses {@link CollocationLearner}, whose cut-off is the spec's or,
 * adaptive, chosen on held-out reference points at every round; {@code gradient} uses
 * {@link EmpiricalGradientLearner}, which adapts its cut-off with the points. With {@code start=chosen} the
 * points learning starts from are first chosen among the current and the fresh ones by the
 * {@link CollocationChooser} (as {@link ChosenResampling} does, the same candidates). One learner per
 * condition keeps its adaptive cut-off apart from the others'.
 */
final class LearnedResampling implements Resampling {
    /** One condition's learner, whichever the objective: moves the points and returns the objective's history. */
    private interface Learner {
        double[] learn(ResidualSystem system, double[] theta, String group, double[] reference, int steps, double seconds);
    }

    private final Collocation settings;
    private final Problem problem;
    private final java.util.Map<String, Learner> learners = new java.util.HashMap<>();
    private final CollocationChooser chooser = new CollocationChooser(Collocation.DEFAULT_CHOSEN_CUTOFF, false);
    private double[] lastObjective;

    /**
     * @param settings the learning settings
     * @param problem the problem (its domain bounds the points, its conditions say which are interior)
     */
    LearnedResampling(Collocation settings, Problem problem) {
        this.settings = settings;
        this.problem = problem;
    }

    @Override
    public int candidatesPerPoint() {
        return settings.reference();
    }

    @Override
    public void renew(ResidualSystem system, double[] theta, String group, double[] fresh, int dimension, long seed) {
        renew(system, theta, group, fresh, dimension, seed, Double.POSITIVE_INFINITY);
    }

    /** Learns within the time left: the learners stop before a learning step once it has passed. */
    @Override
    public void renew(ResidualSystem system, double[] theta, String group, double[] fresh, int dimension, long seed, double seconds) {
        Condition c = problem.conditions().stream().filter(x -> x.name().equals(group)).findFirst().orElse(null);
        if (c == null || c.data() != null || problem.domain().part(c.part()).kind() != DomainPart.Kind.INTERIOR) {
            return; // only interior points are learned; faces and data keep theirs
        }
        if (settings.start() == Collocation.Start.CHOSEN) {
            ChosenResampling.choose(chooser, system, theta, group, fresh, dimension, seed);
        }
        lastObjective = learners.computeIfAbsent(group, g -> newLearner()).learn(system, theta, group, fresh, settings.steps(), seconds);
    }

    private Learner newLearner() {
        double[] lower = problem.domain().lower();
        double[] upper = problem.domain().upper();
        if (settings.objective() == Collocation.Objective.GRADIENT) {
            EmpiricalGradientLearner learner = new EmpiricalGradientLearner(lower, upper, problem.domain()::contains);
            return (system, theta, group, reference, steps, seconds) -> learner.learn(system, theta, group, reference, steps, seconds).errors();
        }
        CollocationLearner learner = new CollocationLearner(lower, upper, settings.adaptiveCutoff() ? Double.NaN : settings.cutoff(),
                problem.domain()::contains, settings.natural());
        return (system, theta, group, reference, steps, seconds) -> learner.learn(system, theta, group, reference, steps, seconds).residuals();
    }

    /** @return the last round's objective, before the first learning step and after each (for tests), null before the first round */
    double[] lastObjective() {
        return lastObjective;
    }
}
