package org.geopinn.engine;

import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Collocation;
import org.geopinn.samplers.CollocationChooser;

/**
 * Chosen collocation points at each resampling round ({@link Collocation#chosen()}): for every
 * condition (data excepted) the samplers bundle's {@link CollocationChooser} picks the condition's
 * count among its current points and the round's fresh candidates of its sampler (on the
 * condition's own part, so a boundary keeps its points on the boundary and its share of the
 * points). Runs between optimizer steps; the seed of the fill's draw is the round's.
 */
final class ChosenResampling implements Resampling {
    private final Collocation settings;
    private final Problem problem;
    private final CollocationChooser chooser;
    private final java.util.Map<String, CollocationChooser.Result> last = new java.util.HashMap<>();

    /**
     * @param settings the settings (candidates per point, rank cut-off)
     * @param problem the problem (which conditions are data)
     */
    ChosenResampling(Collocation settings, Problem problem) {
        this.settings = settings;
        this.problem = problem;
        // the fill after the pivoted-QR core keeps the sampler's order (leverage sampling distorted the loss's measure:
        // docs/SAMPLERS.md, the measurements)
        this.chooser = new CollocationChooser(settings.cutoff(), false);
    }

    @Override
    public int candidatesPerPoint() {
        return settings.reference() - 1; // the current points are candidates too
    }

    @Override
    public void renew(ResidualSystem system, double[] theta, String group, double[] fresh, int dimension, long seed) {
        Condition c = problem.conditions().stream().filter(x -> x.name().equals(group)).findFirst().orElse(null);
        if (c == null || c.data() != null) {
            return; // observations stay where they were measured
        }
        last.put(group, choose(chooser, system, theta, group, fresh, dimension, seed));
    }

    /**
     * Chooses a condition's count of points among its current points and fresh candidates, and leaves the system at them.
     *
     * @param chooser the chooser
     * @param system the residual system (the group's points end at the chosen ones)
     * @param theta the parameters
     * @param group the condition
     * @param fresh the fresh candidates, row-major
     * @param dimension the number of variables
     * @param seed the seed of the fill's draw
     * @return the choice
     */
    static CollocationChooser.Result choose(CollocationChooser chooser, ResidualSystem system, double[] theta, String group,
            double[] fresh, int dimension, long seed) {
        double[] current = system.points(group);
        // fresh candidates first: the fill takes them in the sampler's order, the current points only through the core
        double[] candidates = new double[current.length + fresh.length];
        System.arraycopy(fresh, 0, candidates, 0, fresh.length);
        System.arraycopy(current, 0, candidates, fresh.length, current.length);
        return chooser.choose(system, theta, group, candidates, dimension, current.length / dimension, seed);
    }

    /** @param group a condition @return its last round's choice (for tests and reports), null before the first */
    CollocationChooser.Result last(String group) {
        return last.get(group);
    }
}
