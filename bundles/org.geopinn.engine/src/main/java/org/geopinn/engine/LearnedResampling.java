package org.geopinn.engine;

import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Collocation;
import org.geopinn.samplers.CollocationLearner;

/**
 * Learned collocation points at each resampling round ({@link Collocation}): the points of every
 * interior condition are moved from where they are by the samplers bundle's
 * {@link CollocationLearner}, the round's fresh candidates serving as the reference points of the
 * L² inner product (so the learner sees a new reference set every round, drawn from the seed);
 * points of boundary, initial and data conditions stay as they are. The learner's cut-off is the
 * spec's or, adaptive, chosen on held-out reference points at every round. One learner per
 * condition keeps its adaptive cut-off apart from the others'.
 */
final class LearnedResampling implements Resampling {
    private final Collocation settings;
    private final Problem problem;
    private final java.util.Map<String, CollocationLearner> learners = new java.util.HashMap<>();
    private CollocationLearner.Result last;

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
        Condition c = problem.conditions().stream().filter(x -> x.name().equals(group)).findFirst().orElse(null);
        if (c == null || c.data() != null || problem.domain().part(c.part()).kind() != DomainPart.Kind.INTERIOR) {
            return; // only interior points are learned; faces and data keep theirs
        }
        CollocationLearner learner = learners.computeIfAbsent(group, g -> new CollocationLearner(problem.domain().lower(),
                problem.domain().upper(), settings.adaptiveCutoff() ? Double.NaN : settings.cutoff(), problem.domain()::contains, settings.natural()));
        last = learner.learn(system, theta, group, fresh, settings.steps());
    }

    /** @return the last round's result (for tests and reports), null before the first */
    CollocationLearner.Result last() {
        return last;
    }
}
