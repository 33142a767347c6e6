package org.geopinn.reproductions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.Symbols;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualGroup;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;
import org.geopinn.diagnostics.Charts;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.samplers.CollocationChooser;
import org.geopinn.samplers.CollocationLearner;
import org.geopinn.samplers.EmpiricalGradientLearner;
import org.geopinn.samplers.ResidualAdaptiveResampler;
import org.geopinn.samplers.Samplers;

/**
 * {@code diagnose collocation}: learned collocation points (Schwencke &amp; Furtlehner, 2025) on a
 * problem of the library. (1) The projection residual ‖Σ α_i K(x_i, ·) − r‖/‖r‖ of the PDE
 * condition against learning steps, with the best value (projection on the whole tangent space);
 * (2) the point cloud before and after; (3) accuracy of damped natural-gradient (Levenberg–Marquardt) training with the PDE points fixed on
 * a grid, fixed Sobol, residual-adaptive resampling and learned points, at equal point counts.
 */
final class CollocationExperiment {
    /** The PDE condition's point strategies compared. */
    enum Strategy {
        GRID, SOBOL, RAD, LEARNED, CHOSEN
    }

    private final Problem problem;
    private final int width;
    private final int pdePoints;
    private final double learnCutoff;
    private final boolean natural;

    CollocationExperiment(Problem problem, int width, int pdePoints, double learnCutoff) {
        this(problem, width, pdePoints, learnCutoff, false);
    }

    CollocationExperiment(Problem problem, int width, int pdePoints, double learnCutoff, boolean natural) {
        this.natural = natural;
        this.problem = problem;
        this.width = width;
        this.pdePoints = pdePoints;
        this.learnCutoff = learnCutoff;
        if (problem.conditions().stream().noneMatch(c -> c.name().equals("pde"))) {
            throw new GeopinnException("diagnose collocation needs a problem with a condition named 'pde'; '" + problem.id() + "' has none");
        }
    }

    private Domain domain() {
        return problem.domain();
    }

    private Model model() {
        Domain d = domain();
        ModelSpec spec = new ModelSpec(d.lower(), d.upper(), problem.vocabulary().fields(), new int[] {width}, "tanh", "xavier", false, true, Map.of());
        return StandardModels.create("mlp", spec);
    }

    private Map<String, double[]> initialPoints(Strategy s, long seed) {
        Map<String, double[]> points = new HashMap<>();
        for (Condition c : problem.conditions()) {
            boolean pde = c.name().equals("pde");
            String sampler = pde && (s == Strategy.SOBOL || s == Strategy.RAD || s == Strategy.CHOSEN) ? "sobol" : "grid";
            int count = pde ? pdePoints : c.points();
            points.put(c.name(), Samplers.create(sampler).sample(domain(), domain().part(c.part()), count, seed, Map.of()));
        }
        return points;
    }

    private double[] reference(int count, long seed) {
        return Samplers.create("sobol").sample(domain(), domain().part(condition("pde").part()), count, seed + 7919, Map.of());
    }

    private Condition condition(String name) {
        return problem.conditions().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * One learning run at the parameters after {@code warmup} training steps on the grid; {@code learnedError} is the
     * empirical natural-gradient error of the learned points, on the reference set they were learned against.
     */
    record Learning(double[] before, double[] after, double[] residuals, double best, Choice choice, double learnedError,
            Gradient gradient) {
    }

    /**
     * The default of {@code learned(…)} at the same parameters: the chosen points moved by the learner of the empirical
     * natural gradient's own error (its cut-off adapted with the points). {@code errors} is that error relative to
     * ‖r‖ before the first step and after each, on the same reference set.
     */
    record Gradient(double[] after, double[] errors, double cutoff) {
    }

    /**
     * Chosen points at the same parameters: from 4× Sobol candidates plus the grid's points, and the empirical
     * natural-gradient error ‖F A_S⁺ r_S − F F⁺ r‖/‖r‖ on the reference set of the grid, of Sobol points and of the chosen ones.
     */
    record Choice(double[] candidates, double[] chosen, int core, double gridError, double sobolError, double chosenError) {
    }

    Learning learning(int warmup, int steps, long seed) {
        Model model = model();
        double[] theta = model.initialParameters(seed);
        ResidualSystem system = StackedResidualSystem.build(problem, model, initialPoints(Strategy.GRID, seed), LossScaling.MEAN, EvaluatorFactory.EXACT);
        double damping = 1e-3;
        for (int k = 0; k < warmup; k++) {
            damping = step(system, theta, damping);
        }
        double[] before = system.points("pde");
        int d = domain().dimension();
        double[] reference = reference(4 * pdePoints, seed);
        double[] sobol = Samplers.create("sobol").sample(domain(), domain().part(condition("pde").part()), pdePoints, seed, Map.of());
        double[] fresh = Samplers.create("sobol").sample(domain(), domain().part(condition("pde").part()), 4 * pdePoints, seed + 1, Map.of());
        double[] candidates = new double[before.length + fresh.length];
        System.arraycopy(fresh, 0, candidates, 0, fresh.length);
        System.arraycopy(before, 0, candidates, fresh.length, before.length);
        CollocationChooser.Result c = new CollocationChooser(org.geopinn.api.session.Collocation.DEFAULT_CHOSEN_CUTOFF)
                .choose(system, theta, "pde", candidates, d, pdePoints, seed);
        Choice choice = new Choice(candidates, c.points(), c.core(),
                CollocationChooser.naturalGradientError(system, theta, "pde", before, reference, d, 1e-10),
                CollocationChooser.naturalGradientError(system, theta, "pde", sobol, reference, d, 1e-10),
                CollocationChooser.naturalGradientError(system, theta, "pde", c.points(), reference, d, 1e-10));
        system.setPoints("pde", before);
        CollocationLearner learner = new CollocationLearner(domain().lower(), domain().upper(), learnCutoff, x -> true, natural);
        CollocationLearner.Result r = learner.learn(system, theta, "pde", reference, steps);
        double learnedError = CollocationChooser.naturalGradientError(system, theta, "pde", r.points(), reference, d, 1e-10);
        system.setPoints("pde", c.points());
        EmpiricalGradientLearner.Result g = new EmpiricalGradientLearner(domain().lower(), domain().upper(), x -> true)
                .learn(system, theta, "pde", reference, steps);
        return new Learning(before, r.points(), r.residuals(), r.best(), choice, learnedError, new Gradient(g.points(), g.errors(), g.cutoff()));
    }

    /** Relative L² errors at the checkpoints, and seconds spent (training plus point updates). */
    record Run(Strategy strategy, long seed, int[] checkpoints, double[] errors, double[] seconds) {
    }

    Run train(Strategy strategy, long seed, int[] checkpoints, int every, int learningSteps) {
        Model model = model();
        double[] theta = model.initialParameters(seed);
        ResidualSystem system = StackedResidualSystem.build(problem, model, initialPoints(strategy, seed), LossScaling.MEAN, EvaluatorFactory.EXACT);
        double[] test = Samplers.create("grid").sample(domain(), domain().part(condition("pde").part()), 2500, 0, Map.of());
        double[] reference = reference(4 * pdePoints, seed);
        CollocationLearner learner = new CollocationLearner(domain().lower(), domain().upper(), learnCutoff, x -> true, natural);
        double[] errors = new double[checkpoints.length];
        double[] seconds = new double[checkpoints.length];
        long start = System.nanoTime();
        double damping = 1e-3;
        int next = 0;
        int last = checkpoints[checkpoints.length - 1];
        for (int step = 0; step <= last; step++) {
            if (step == checkpoints[next]) {
                long paused = System.nanoTime();
                errors[next] = error(model, theta, test);
                seconds[next] = (paused - start) * 1e-9;
                start += System.nanoTime() - paused;
                next++;
            }
            if (step == last) {
                break;
            }
            if (step > 0 && step % every == 0) {
                if (strategy == Strategy.LEARNED) {
                    learner.learn(system, theta, "pde", reference, learningSteps);
                } else if (strategy == Strategy.CHOSEN) {
                    choose(system, theta, seed * 1_000_003L + step);
                } else if (strategy == Strategy.RAD) {
                    rad(system, theta, seed * 1_000_003L + step);
                }
            }
            damping = step(system, theta, damping);
        }
        return new Run(strategy, seed, checkpoints, errors, seconds);
    }

    /** Chosen points (pivoted-QR core, then fresh Sobol candidates in order) among 4 × fresh Sobol candidates and the PDE points. */
    private void choose(ResidualSystem system, double[] theta, long seed) {
        double[] current = system.points("pde");
        int d = domain().dimension();
        int n = current.length / d;
        double[] fresh = Samplers.create("sobol").sample(domain(), domain().part(condition("pde").part()), 4 * n, seed, Map.of());
        double[] candidates = new double[current.length + fresh.length];
        System.arraycopy(fresh, 0, candidates, 0, fresh.length);
        System.arraycopy(current, 0, candidates, fresh.length, current.length);
        new CollocationChooser(org.geopinn.api.session.Collocation.DEFAULT_CHOSEN_CUTOFF).choose(system, theta, "pde", candidates, d, n, seed);
    }

    /** Residual-adaptive resampling (RAD, k = 1, c = 1) of the PDE points from them and 4 × fresh Sobol candidates. */
    private void rad(ResidualSystem system, double[] theta, long seed) {
        double[] current = system.points("pde");
        int d = domain().dimension();
        int n = current.length / d;
        double[] fresh = Samplers.create("sobol").sample(domain(), domain().part(condition("pde").part()), 4 * n, seed, Map.of());
        double[] candidates = new double[current.length + fresh.length];
        System.arraycopy(current, 0, candidates, 0, current.length);
        System.arraycopy(fresh, 0, candidates, current.length, fresh.length);
        system.setPoints("pde", candidates);
        double[] rows = new double[system.residualCount()];
        system.residuals(theta, rows);
        ResidualGroup g = system.groups().stream().filter(x -> x.name().equals("pde")).findFirst().orElseThrow();
        double[] r = java.util.Arrays.copyOfRange(rows, g.offset(), g.offset() + g.size());
        system.setPoints("pde", ResidualAdaptiveResampler.rad().select(candidates, r, d, n, seed));
    }

    /**
     * One damped natural-gradient (Levenberg–Marquardt) step: δ = (JᵀJ + λ)⁻¹ Jᵀ r through the SVD of J,
     * λ relative to σ_max², divided by 3 after an accepted step and multiplied by 4 (and retried) after
     * a rejected one. Returns the new relative damping.
     */
    private double step(ResidualSystem system, double[] theta, double damping) {
        int s = system.residualCount();
        int p = system.parameterCount();
        double[] jac = new double[s * p];
        double[] r = new double[s];
        system.jacobian(theta, jac);
        system.residuals(theta, r);
        TruncatedSvdSolver solver = new TruncatedSvdSolver(jac, s, p);
        double top = solver.singularValues()[0];
        double loss = system.loss(theta);
        double[] trial = new double[p];
        double mu = damping;
        for (int tries = 0; tries < 12; tries++, mu *= 4) {
            double[] delta = solver.solveDamped(r, mu * top * top);
            for (int q = 0; q < p; q++) {
                trial[q] = theta[q] - delta[q];
            }
            if (system.loss(trial) < loss) {
                System.arraycopy(trial, 0, theta, 0, p);
                return Math.max(mu / 3, 1e-15);
            }
        }
        return Math.min(mu, 1);
    }

    /** Relative L² error against the problem's reference on the test points (first field). */
    private double error(Model model, double[] theta, double[] test) {
        var ref = problem.reference().orElseThrow(() -> new GeopinnException("problem '" + problem.id() + "' has no reference solution"));
        int d = domain().dimension();
        int n = test.length / d;
        var v = problem.vocabulary();
        Condition values = Condition.of("u", condition("pde").part(), new Expr.FieldDerivative(0, v.fields().get(0), new int[v.variables().size()]), q -> 0, n);
        Problem only = new OneCondition(problem, values);
        ResidualSystem s = StackedResidualSystem.build(only, model, Map.of("u", test), LossScaling.SUM, EvaluatorFactory.EXACT);
        double[] u = new double[n];
        s.residuals(theta, u);
        int fields = v.fields().size();
        double[] truth = new double[n * fields];
        ref.evaluate(test, n, truth);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double t = truth[i * fields];
            num += (u[i] - t) * (u[i] - t);
            den += t * t;
        }
        return Math.sqrt(num / den);
    }

    private record OneCondition(Problem base, Condition c) implements Problem {
        @Override
        public String id() {
            return base.id();
        }

        @Override
        public String description() {
            return base.description();
        }

        @Override
        public Symbols vocabulary() {
            return base.vocabulary();
        }

        @Override
        public Domain domain() {
            return base.domain();
        }

        @Override
        public List<Condition> conditions() {
            return List.of(c);
        }
    }

    /** Pictures and a markdown report of a learning run. */
    void writeLearning(Learning l, Path folder, PrintStream out) {
        String id = problem.id();
        List<String> vars = problem.vocabulary().variables();
        double[] steps = new double[l.residuals().length];
        double[] best = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = k;
            best[k] = l.best();
        }
        Charts.lineChart(folder.resolve("collocation-" + id + "-" + (natural ? "natural" : "tangent") + "-projection-residual.png"),
                id + ": ‖Σ α_i K(x_i,·) − r‖/‖r‖, " + pdePoints + " learned PDE points, " + (natural ? "natural" : "tangent") + " kernel", "learning step", "relative projection residual", false, false,
                List.of(new Charts.Series("learned points", steps, l.residuals()), new Charts.Series("whole tangent space", steps, best)));
        Charts.scatter(folder.resolve("collocation-" + id + "-" + (natural ? "natural" : "tangent") + "-points.png"), id + ": PDE points before (grid) and after learning",
                vars.get(0), vars.get(1), List.of(cloud("before", l.before()), cloud("after", l.after())));
        Choice c = l.choice();
        Charts.scatter(folder.resolve("collocation-" + id + "-chosen-points.png"), id + ": " + pdePoints + " PDE points chosen from "
                + c.candidates().length / domain().dimension() + " candidates (" + c.core() + " by pivoted QR)",
                vars.get(0), vars.get(1), List.of(cloud("candidates", c.candidates()), cloud("chosen", c.chosen())));
        out.printf(Locale.ROOT, "%s, %d PDE points, width %d: empirical natural-gradient error ‖F A_S⁺ r_S − F F⁺ r‖/‖r‖: grid %.3e, Sobol %.3e, chosen %.3e (%d by pivoted QR), learned from the grid %.3e%n",
                id, pdePoints, width, c.gridError(), c.sobolError(), c.chosenError(), c.core(), l.learnedError());
        Gradient g = l.gradient();
        double[] gradientSteps = java.util.Arrays.copyOf(steps, g.errors().length);
        Charts.lineChart(folder.resolve("collocation-" + id + "-gradient-error.png"),
                id + ": ‖F A_τ⁺ r_S − F F⁺ r‖/‖r‖, " + pdePoints + " points, chosen then learned",
                "learning step", "relative error of the empirical natural gradient", false, true,
                List.of(new Charts.Series("chosen, then learned", gradientSteps, g.errors())));
        Charts.scatter(folder.resolve("collocation-" + id + "-gradient-points.png"), id + ": " + pdePoints + " PDE points chosen, then learned on their own error",
                vars.get(0), vars.get(1), List.of(cloud("chosen", c.chosen()), cloud("learned", g.after())));
        out.printf(Locale.ROOT, "%s, %d PDE points, width %d: the default of learned(…), chosen then learned on its own error: %.3e at the chosen points, %.3e after %d steps (cut-off %.0e)%n",
                id, pdePoints, width, g.errors()[0], g.errors()[g.errors().length - 1], g.errors().length - 1, g.cutoff());
        out.printf(Locale.ROOT, "%s, %s kernel, %d PDE points, width %d: projection residual %.3e before learning, %.3e after %d steps; whole tangent space %.3e%n",
                id, natural ? "natural" : "tangent", pdePoints, width, l.residuals()[0], l.residuals()[l.residuals().length - 1], l.residuals().length - 1, l.best());
    }

    private Charts.Series cloud(String name, double[] p) {
        int d = domain().dimension();
        int n = p.length / d;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = p[i * d];
            y[i] = p[i * d + 1];
        }
        return new Charts.Series(name, x, y);
    }

    /** Markdown table: median error (and range) over seeds at each checkpoint, per strategy, plus median seconds. */
    static void table(String title, List<Run> runs, PrintStream out) {
        out.println();
        out.println("**" + title + "**");
        out.println();
        int[] cps = runs.get(0).checkpoints();
        StringBuilder h = new StringBuilder("| PDE points |");
        StringBuilder line = new StringBuilder("|---|");
        for (int c : cps) {
            h.append(" step ").append(c).append(" |");
            line.append("---|");
        }
        h.append(" seconds to the last step (median) |");
        line.append("---|");
        out.println(h);
        out.println(line);
        for (Strategy s : Strategy.values()) {
            List<Run> mine = runs.stream().filter(r -> r.strategy() == s).toList();
            if (mine.isEmpty()) {
                continue;
            }
            StringBuilder b = new StringBuilder("| " + s.name().toLowerCase(Locale.ROOT) + " |");
            for (int k = 0; k < cps.length; k++) {
                final int kk = k;
                double[] e = mine.stream().mapToDouble(r -> r.errors()[kk]).sorted().toArray();
                b.append(String.format(Locale.ROOT, " %.2e (%.1e–%.1e) |", e[e.length / 2], e[0], e[e.length - 1]));
            }
            double[] t = mine.stream().mapToDouble(r -> r.seconds()[cps.length - 1]).sorted().toArray();
            b.append(String.format(Locale.ROOT, " %.1f |", t[t.length / 2]));
            out.println(b);
        }
    }

    static List<Run> compare(CollocationExperiment e, long seeds, int[] checkpoints, int every, int learningSteps) {
        List<Run> runs = new ArrayList<>();
        for (long seed = 0; seed < seeds; seed++) {
            for (Strategy s : Strategy.values()) {
                runs.add(e.train(s, seed, checkpoints, every, learningSteps));
            }
        }
        return runs;
    }
}
