package org.geopinn.evolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.evolution.EvolutionEvent;
import org.geopinn.api.evolution.EvolutionEvent.Kind;
import org.geopinn.api.evolution.EvolutionListener;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.EvolutionState;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.evolution.Snapshot;
import org.geopinn.api.evolution.TimeReference;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelEvaluator;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.api.solution.TrainedSolution;

/**
 * One Neural IVP run (Finzi et al., 2023): fit u_θ to the initial data, then integrate θ by the
 * Bogacki–Shampine pair, each step on fresh samples, with θ̇ from {@link ParameterVelocity} and
 * the step's error measured on u at the samples ({@code error-norm=u}) or on θ; refit a fresh
 * network to the current solution when a step's PDE residual has grown by {@code restart-residual}
 * over its value after the last fit ({@link ResidualRestartRule}), when its CG needed more than
 * {@code restart-cg} iterations, or every {@code restart-every} steps. Emits an event per fit,
 * step, rejection, restart and snapshot.
 */
final class NeuralIvp {
    /** The seed stream of a time step's samples and sketches, keyed by the number of attempted steps. */
    private static final long STEP_STREAM = 0;
    /** The seed stream of a fit's samples and sketches, keyed by the number of fits before it (restarts). */
    private static final long FIT_STREAM = 1;
    private final InitialValueProblem problem;
    private final Model model;
    private final EvolutionSettings settings;
    private final double endTime;
    private final double maxStep;
    private final double[] outputTimes;
    private final CollocationSampler sampler;
    private final ModelEvaluator magnitude;
    private final Random sketches;
    private final ParameterVelocity velocity;
    private final LeastSquaresFit fit;
    private final BogackiShampine integrator;
    private final ErrorMeter errorMeter;
    private final double[] samples;
    private final List<EvolutionEvent> events = new ArrayList<>();
    /** The parameters that guide the sampling of the current step (read by {@link #magnitudeTarget}). */
    private double[] guide;
    private final LeastSquaresFit.Target magnitudeTarget;
    private final BogackiShampine.Derivative stage;
    private final BogackiShampine.ErrorNorm errorNorm;
    private final ResidualRestartRule residualRule;
    private EvolutionListener listener;
    private long startNanos;

    /**
     * @param problem the problem
     * @param model the network (built for the problem's box and fields)
     * @param pointSampler the sampler service of the collocation points (and of the error's fixed points)
     * @param settings the settings
     */
    NeuralIvp(InitialValueProblem problem, Model model, Sampler pointSampler, EvolutionSettings settings) {
        this.problem = problem;
        this.model = model;
        this.settings = settings;
        this.endTime = Double.isNaN(settings.endTime()) ? problem.defaultEndTime() : settings.endTime();
        if (!(endTime > 0) || Double.isInfinite(endTime)) {
            throw new GeopinnException("t-end must be a positive finite time, got " + endTime);
        }
        this.maxStep = Double.isNaN(settings.maxStep()) || !(settings.maxStep() > 0) ? endTime / 10 : settings.maxStep();
        this.outputTimes = outputTimes(settings.outputTimes(), endTime);
        if (settings.samples() < 1) {
            throw new GeopinnException("samples must be at least 1");
        }
        int fields = model.spec().fields().size();
        int dimension = problem.domain().dimension();
        // The draws' seeds run from a stream of their own, apart from the error points' seed.
        this.sampler = new CollocationSampler(pointSampler, problem.domain(), new SplittableRandom(settings.seed()).nextLong(),
                fields, settings.samples(), settings.importance(), new Random(settings.seed() + 3));
        this.magnitude = model.evaluator(DerivativeRequest.valuesOnly(dimension),
                Math.max(1, CollocationSampler.POOL_FACTOR * (int) Math.ceil(settings.importance() * settings.samples())));
        this.sketches = new Random(settings.seed() + 1);
        this.velocity = new ParameterVelocity(model, problem.rightHandSides(), settings.samples(), settings.rank(),
                settings.mu(), settings.cgTolerance(), Math.max(1, settings.cgMaxIterations()), sketches,
                EvolutionSettings.SOLVER_DENSE.equals(settings.solver()),
                EvolutionSettings.FIELD_WEIGHTS_RATE.equals(settings.fieldWeights()));
        this.fit = new LeastSquaresFit(model, sampler, settings.samples(), settings.rank(), settings.cgTolerance(),
                Math.max(1, settings.cgMaxIterations()), sketches);
        this.integrator = new BogackiShampine(model.parameterCount());
        Optional<TimeReference> reference = problem.reference();
        this.errorMeter = reference.isPresent() && settings.errorPoints() > 0
                ? new ErrorMeter(problem, model, pointSampler, reference.get(), settings.errorPoints(), settings.seed() + 2)
                : null;
        this.samples = new double[settings.samples() * dimension];
        this.magnitudeTarget = (points, n, out) -> {
            magnitude.forward(guide, points, n);
            System.arraycopy(magnitude.values(), 0, out, 0, magnitude.fieldCount() * n);
        };
        this.stage = velocity::compute;
        this.errorNorm = EvolutionSettings.ERROR_NORM_THETA.equals(settings.errorNorm()) ? BogackiShampine.PARAMETER_NORM
                : velocity::functionSpaceError;
        this.residualRule = new ResidualRestartRule(settings.restartResidual());
    }

    /** @return the end time in use */
    double endTime() {
        return endTime;
    }

    /**
     * @param start the state to resume from, or null to start by fitting the initial data
     * @param eventListener receives the events
     * @return the run's snapshots, final state and events
     */
    EvolutionResult run(EvolutionState start, EvolutionListener eventListener) {
        this.listener = eventListener;
        this.startNanos = System.nanoTime();
        double t;
        double[] theta;
        double h;
        int steps;
        int restarts;
        List<Snapshot> snapshots = new ArrayList<>();
        int next = 0;
        if (start == null) {
            t = 0;
            theta = model.initialParameters(settings.seed());
            beginStream(FIT_STREAM, 0);
            LeastSquaresFit.Outcome outcome = fit.fit(theta, this::initialValues, settings.fitIterations(),
                    settings.fitTolerance());
            h = settings.firstStep() > 0 ? settings.firstStep() : 1e-3 * endTime;
            steps = 0;
            restarts = 0;
            emit(Kind.FITTED, 0, 0, 0, outcome.cgIterations(), Double.NaN, outcome.misfit(), Double.NaN,
                    error(0, theta), 0, "initial fit: " + outcome.iterations() + " Gauss-Newton iterations");
            if (outputTimes[0] == 0) { // before an Euler start moves t past it
                snapshots.add(snapshot(0, theta, steps, restarts));
                next = 1;
            }
            double euler = Math.min(settings.eulerStart(), endTime);
            if (euler > 0) {
                theta = eulerStart(theta, euler);
                t = euler;
                restarts = 1;
                residualRule.fitted();
            }
        } else {
            checkState(start);
            t = start.time();
            theta = start.parameters();
            h = start.stepSize() > 0 ? start.stepSize() : settings.firstStep();
            steps = start.steps();
            restarts = start.restarts();
        }
        double eps = 1e-12 * Math.max(1, endTime);
        while (next < outputTimes.length && outputTimes[next] < t - eps) {
            next++;
        }
        if (next < outputTimes.length && Math.abs(outputTimes[next] - t) <= eps) {
            snapshots.add(snapshot(t, theta, steps, restarts));
            next++;
        }
        int accepted = 0;
        String reason = "reached t-end";
        while (t < endTime - eps) {
            if (Thread.currentThread().isInterrupted()) {
                reason = "interrupted";
                break;
            }
            if (steps >= settings.maxSteps()) {
                reason = "stopped after max-steps=" + settings.maxSteps() + " steps";
                break;
            }
            double target = next < outputTimes.length ? outputTimes[next] : endTime;
            h = Math.min(Math.min(h, maxStep), target - t);
            boolean outputReached = false;
            guide = theta;
            beginStream(STEP_STREAM, steps);
            sampler.draw(magnitudeTarget, samples, settings.samples());
            velocity.newSamples(samples, settings.samples());
            double error = integrator.attempt(stage, theta, h, settings.rtol(), settings.atol(), errorNorm);
            steps++;
            double[] proposal = integrator.proposal();
            if (!Double.isFinite(error) || !allFinite(proposal)) {
                throw new GeopinnException("Neural IVP failed at t=" + t + ": the parameters became non-finite"
                        + " (try a smaller rtol or first-step, or a larger mu)");
            }
            if (error <= 1) {
                System.arraycopy(proposal, 0, theta, 0, theta.length); // θ is owned here: no copy per step
                t = Math.abs(t + h - target) <= eps ? target : t + h;
                accepted++;
                emit(Kind.STEP, steps, t, h, velocity.maxIterations(), velocity.maxCgResidual(), velocity.pdeResidual(),
                        error, error(t, theta), restarts, "");
                if (next < outputTimes.length && Math.abs(outputTimes[next] - t) <= eps) {
                    snapshots.add(snapshot(t, theta, steps, restarts));
                    next++;
                    outputReached = true;
                }
                boolean degraded = residualRule.degraded(velocity.pdeResidual());
                boolean illConditioned = settings.restartCgIterations() > 0
                        && velocity.maxIterations() > settings.restartCgIterations();
                boolean scheduled = settings.restartEvery() > 0 && accepted % settings.restartEvery() == 0;
                if ((degraded || illConditioned || scheduled) && t < endTime - eps) {
                    restarts++;
                    String why = degraded ? String.format(java.util.Locale.ROOT,
                            "PDE residual %.3e > restart-residual=%s x %.3e (the least since the last fit)", velocity.pdeResidual(),
                            settings.restartResidual(), residualRule.baseline())
                            : illConditioned ? "CG needed " + velocity.maxIterations() + " > restart-cg="
                                    + settings.restartCgIterations() + " iterations"
                                    : "scheduled every " + settings.restartEvery() + " steps";
                    theta = restart(theta, t, steps, restarts, why);
                    residualRule.fitted();
                }
            } else {
                emit(Kind.REJECTED, steps, t, h, velocity.maxIterations(), velocity.maxCgResidual(),
                        velocity.pdeResidual(), error, Double.NaN, restarts, "");
            }
            h = BogackiShampine.nextStepSize(h, error);
            if (outputReached && listener != null) {
                // The state an interruption here would save: a resume from it takes the same next step.
                listener.onOutputState(new EvolutionState(problem.id(), t, theta, h, steps, restarts));
            }
        }
        EvolutionState state = new EvolutionState(problem.id(), t, theta, h, steps, restarts);
        emit(Kind.ENDED, steps, t, 0, 0, Double.NaN, Double.NaN, Double.NaN, error(t, theta), restarts, reason);
        return new EvolutionResult(snapshots, state, events, model.parameterCount());
    }

    /**
     * The first step as a forward-Euler step in function space: a fresh network fitted to
     * u_θ + h·L[u_θ]. A field whose initial data vanish (a wave's velocity) is fitted with zero
     * output weights, so its tangent space is only the last layer's features and the projection
     * of L on it misses much (measured: 12–16 % PDE residual on wave2d, against under 1 % after
     * any refit with non-zero data); after this step it has non-zero data. Local error O(h²).
     */
    private double[] eulerStart(double[] theta, double h) {
        double[] old = theta.clone();
        int dimension = problem.domain().dimension();
        int fields = model.spec().fields().size();
        int maxPoints = Math.max(settings.samples(), CollocationSampler.POOL_FACTOR * settings.samples());
        ModelEvaluator current = model.evaluator(DerivativeRequest.valuesOnly(dimension), maxPoints);
        SpatialOperator operator = new SpatialOperator(model, problem.rightHandSides(), maxPoints);
        double[] rates = new double[fields * maxPoints];
        double[] fresh = model.initialParameters(settings.seed() + 104_729L);
        beginStream(FIT_STREAM, 1);
        LeastSquaresFit.Outcome outcome = fit.fit(fresh, (points, n, out) -> {
            current.forward(old, points, n);
            operator.evaluate(old, points, n, rates);
            double[] u = current.values();
            for (int k = 0; k < fields * n; k++) {
                out[k] = u[k] + h * rates[k];
            }
        }, settings.fitIterations(), settings.fitTolerance());
        emit(Kind.RESTARTED, 0, h, h, outcome.cgIterations(), Double.NaN, outcome.misfit(), Double.NaN, error(h, fresh), 1,
                "Euler start: fresh network fitted to u + h L[u] in " + outcome.iterations() + " iterations");
        return fresh;
    }

    /** Fits a freshly initialised network to the current solution u_θ and returns its parameters. */
    private double[] restart(double[] theta, double t, int steps, int restarts, String why) {
        double[] old = theta.clone();
        ModelEvaluator current = model.evaluator(DerivativeRequest.valuesOnly(problem.domain().dimension()),
                Math.max(settings.samples(), CollocationSampler.POOL_FACTOR * settings.samples()));
        double[] fresh = model.initialParameters(settings.seed() + 7919L * restarts);
        beginStream(FIT_STREAM, restarts);
        LeastSquaresFit.Outcome outcome = fit.fit(fresh, (points, n, out) -> {
            current.forward(old, points, n);
            System.arraycopy(current.values(), 0, out, 0, current.fieldCount() * n);
        }, settings.fitIterations(), settings.fitTolerance());
        emit(Kind.RESTARTED, steps, t, 0, outcome.cgIterations(), Double.NaN, outcome.misfit(), Double.NaN,
                error(t, fresh), restarts, why + "; refit in " + outcome.iterations() + " iterations");
        return fresh;
    }

    /**
     * Points the sample and sketch seeds at the stream of one counter value, so that a run resumed
     * from its state (which keeps the counters) draws what an uninterrupted run would draw there.
     */
    private void beginStream(long kind, long counter) {
        sampler.startStream(kind, counter);
        sketches.setSeed(CollocationSampler.streamSeed(settings.seed() + 1, kind, counter));
    }

    private Snapshot snapshot(double t, double[] theta, int steps, int restarts) {
        double err = error(t, theta);
        emit(Kind.SNAPSHOT, steps, t, 0, 0, Double.NaN, Double.NaN, Double.NaN, err, restarts, "");
        return new Snapshot(t, TrainedSolution.of(problem.id(), problem.vocabulary().variables(), model, theta), err);
    }

    private void initialValues(double[] points, int n, double[] out) {
        ErrorMeter.toFieldMajor(problem::initialValue, points, n, model.spec().fields().size(), out);
    }

    private double error(double t, double[] theta) {
        return errorMeter == null ? Double.NaN : errorMeter.relativeError(t, theta);
    }

    private void checkState(EvolutionState state) {
        if (!state.problemId().equals(problem.id())) {
            throw new GeopinnException("the saved state is for problem '" + state.problemId() + "', not '" + problem.id() + "'");
        }
        if (state.parameters().length != model.parameterCount()) {
            throw new GeopinnException("the saved state has " + state.parameters().length + " parameters but the model has "
                    + model.parameterCount() + "; resume with the same model settings (hidden, model.*)");
        }
    }

    private void emit(Kind kind, int step, double t, double h, int cg, double cgResidual, double residual,
            double estimate, double error, int restarts, String message) {
        EvolutionEvent event = new EvolutionEvent(kind, step, t, h, cg, cgResidual, residual, estimate, error, restarts,
                (System.nanoTime() - startNanos) * 1e-9, message);
        events.add(event);
        if (listener != null) {
            listener.onEvent(event);
        }
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** The requested output times in [0, T], sorted, with T always included; 0, T/4, …, T when none are given. */
    static double[] outputTimes(double[] requested, double endTime) {
        double[] times = requested.length == 0 ? new double[] {0, endTime / 4, endTime / 2, 3 * endTime / 4, endTime}
                : requested.clone();
        for (double time : times) {
            if (!(time >= 0) || time > endTime * (1 + 1e-12)) {
                throw new GeopinnException("output time " + time + " is outside [0, t-end=" + endTime + "]");
            }
        }
        double[] withEnd = Arrays.copyOf(times, times.length + 1);
        withEnd[times.length] = endTime;
        return Arrays.stream(withEnd).sorted().distinct().toArray();
    }
}
