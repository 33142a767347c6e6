package org.geopinn.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingListener;
import org.geopinn.api.weighting.LossWeighting;
import org.geopinn.api.weighting.LossWeightingFactory;

/**
 * A training session on its own worker thread. Everything that changes the training (swap,
 * diagnose, pause, stop, losing or regaining a service) is handled between two steps on the
 * worker thread; other threads only post requests and read snapshots.
 */
final class TrainingSession implements Session {
    /** Consecutive rejected steps after which the session ends: the optimizer cannot make progress. */
    static final int REJECTION_LIMIT = 25;

    private final String id;
    private final ResolvedSpec resolved;
    private final SessionSpec spec;
    private final ServiceDirectory directory;
    private final Consumer<TrainingSession> onEnd;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> conditionNames;

    private final Object lock = new Object();
    // Guarded by lock.
    private SessionState state = SessionState.STARTING;
    private String message = "";
    private boolean pauseRequested;
    private boolean stopRequested;
    private String lostReason;
    private boolean retryRebuild;
    private boolean workerAlive;
    private final Deque<Runnable> actions = new ArrayDeque<>();
    private TrainingEvent lastEvent;
    private final List<TrainingEvent> history = new ArrayList<>();
    private final double[] snapshot;

    // Owned by the worker thread (or by the constructor before it starts).
    private volatile TrainingRig rig;
    private volatile Model model;
    private final double[] theta;
    private final double[] backup;
    private Optimizer optimizer;
    /** The id of the optimizer taking the steps, readable from any thread without waiting for a step. */
    private volatile String currentOptimizerId;
    private OptimizerFactory optimizerFactory;
    private Map<String, String> optimizerSettings;
    private OptimizerState savedState;
    private int stage;
    private boolean chainOverridden;
    private final LossWeighting weighting;
    private long step;
    private long activeNanos;
    private int rejectionsInRow;
    private Thread worker;
    /** Null when the session does not march in time. */
    private final TimeMarching marching;
    /** The time window being trained (1 … K), 0 without marching; and the step it started at. */
    private int window;
    private long windowStart;

    /**
     * Builds the rig, the parameters, the optimizer and the weighting: every failure here is a
     * one-line {@link GeopinnException} before any training.
     *
     * @param id the session id
     * @param resolved the resolved spec
     * @param directory where the services are
     * @param onEnd called on the worker thread once the session has ended
     */
    TrainingSession(String id, ResolvedSpec resolved, ServiceDirectory directory, Consumer<TrainingSession> onEnd) {
        this.id = id;
        this.resolved = resolved;
        this.spec = resolved.spec();
        this.directory = directory;
        this.onEnd = onEnd;
        this.conditionNames = resolved.problem().conditions().stream().map(Condition::name).toList();
        this.step = spec.startStep();
        this.marching = TimeMarching.of(resolved.problem(), spec.timeWindows());
        this.window = marching == null ? 0 : 1;
        this.windowStart = step;
        this.rig = TrainingRig.build(resolved, directory, resampleRound(step));
        squeezeIntoWindow(rig);
        this.model = rig.model;
        int p = model.parameterCount();
        if (spec.initialParameters() != null && spec.initialParameters().length != p) {
            throw new GeopinnException("the initial parameters have " + spec.initialParameters().length
                    + " entries but the model " + resolved.modelSpec().fields() + " " + java.util.Arrays.toString(resolved.modelSpec().hidden())
                    + " has " + p);
        }
        this.theta = spec.initialParameters() != null ? spec.initialParameters() : model.initialParameters(spec.seed());
        this.backup = new double[p];
        this.snapshot = theta.clone();
        this.stage = resolved.stageAt(step);
        OptimizerStage first = resolved.stages().get(stage);
        installOptimizer(first.optimizerId(), first.settings());
        if (spec.initialOptimizerState() != null) {
            OptimizerState s = spec.initialOptimizerState();
            if (s.optimizerId().equals(optimizer.id())) {
                optimizer.importState(s);
            } else {
                optimizer.adopt(s);
            }
        }
        this.weighting = createWeighting();
    }

    private LossWeighting createWeighting() {
        return directory.find(LossWeightingFactory.class, spec.weightingId())
                .map(f -> f.create(spec.weightingSettings(), resolved.problem()))
                .orElse((system, params, s) -> false); // "fixed" needs no service: the weights never change
    }

    private void installOptimizer(String optimizerId, Map<String, String> settings) {
        OptimizerFactory f = new SpecResolver(directory).require(OptimizerFactory.class, optimizerId, "optimizer");
        optimizer = f.create(settings);
        currentOptimizerId = optimizerId;
        optimizerFactory = f;
        optimizerSettings = Map.copyOf(settings);
    }

    /** Starts the worker thread. */
    void begin() {
        synchronized (lock) {
            workerAlive = true;
        }
        worker = new Thread(this::run, "geopinn-session-" + id);
        worker.setDaemon(true);
        worker.start();
    }

    private long resampleRound(long atStep) {
        return spec.resampleEvery() > 0 ? atStep / spec.resampleEvery() : 0;
    }

    // ---------------------------------------------------------------- worker thread

    private void run() {
        SessionState end = SessionState.FAILED;
        String endMessage = "";
        try {
            synchronized (lock) {
                state = SessionState.RUNNING;
                message = "training with " + optimizer.id();
            }
            emit(event(TrainingEvent.Kind.STARTED, "training " + spec.problemId() + " with " + chainText()
                    + (resolved.strategy() != null ? "; " + resolved.strategy() : "")
                    + (marching != null ? "; " + marching.describe(window) : "")));
            while (true) {
                if (!awaitRunnable()) {
                    end = SessionState.STOPPED;
                    endMessage = "stopped at step " + step;
                    break;
                }
                if (step >= spec.maxSteps()) {
                    end = SessionState.FINISHED;
                    endMessage = "reached " + spec.maxSteps() + " steps";
                    break;
                }
                if (spec.timeBudgetSeconds() > 0 && seconds() >= spec.timeBudgetSeconds()) {
                    end = SessionState.FINISHED;
                    endMessage = "used the time budget of " + spec.timeBudgetSeconds() + " s at step " + step;
                    break;
                }
                String ended = takeStep();
                if (ended != null) {
                    end = rejectionsInRow >= REJECTION_LIMIT && !Double.isFinite(lastLoss()) ? SessionState.FAILED : SessionState.FINISHED;
                    endMessage = ended;
                    break;
                }
            }
        } catch (GeopinnException e) {
            endMessage = e.getMessage();
        } catch (InterruptedException e) {
            end = SessionState.STOPPED;
            endMessage = "interrupted at step " + step;
        } catch (RuntimeException | LinkageError e) {
            endMessage = "training failed at step " + step + ": " + e;
        }
        finish(end, endMessage);
    }

    private String chainText() {
        return String.join(",", resolved.stages().stream().map(OptimizerStage::text).toList());
    }

    /**
     * Runs posted actions and waits while paused.
     *
     * @return true to take a step, false to stop
     */
    private boolean awaitRunnable() throws InterruptedException {
        while (true) {
            runActions();
            if (rig != null && lostReason() != null) {
                dropRig(); // even when already paused by the user: the service's classes may be going away
            }
            boolean paused = false;
            boolean resumed = false;
            boolean rebuild = false;
            synchronized (lock) {
                if (!actions.isEmpty()) {
                    continue;
                }
                if (stopRequested) {
                    return false;
                }
                boolean mayRun = !pauseRequested && lostReason == null && rig != null;
                if (mayRun) {
                    if (state != SessionState.PAUSED) {
                        return true;
                    }
                    state = SessionState.RUNNING;
                    message = "resumed at step " + step;
                    resumed = true;
                } else if (state != SessionState.PAUSED) {
                    state = SessionState.PAUSED;
                    message = lostReason != null ? lostReason : "paused at step " + step;
                    paused = true;
                } else if (!pauseRequested && (retryRebuild || lostReason == null) && rig == null) {
                    retryRebuild = false;
                    rebuild = true;
                } else {
                    lock.wait();
                    continue;
                }
            }
            if (paused) {
                emit(event(TrainingEvent.Kind.PAUSED, message()));
            }
            if (rebuild) {
                rebuildRig();
            }
            if (resumed) {
                emit(event(TrainingEvent.Kind.RESUMED, message()));
                return true;
            }
        }
    }

    private String lostReason() {
        synchronized (lock) {
            return lostReason;
        }
    }

    private void runActions() {
        while (true) {
            Runnable a;
            synchronized (lock) {
                a = actions.poll();
            }
            if (a == null) {
                return;
            }
            a.run();
        }
    }

    /** A service went away: keep what is plain data (parameters, optimizer state, weights), drop the rest. */
    private void dropRig() {
        try {
            savedState = optimizer.exportState();
        } catch (RuntimeException | LinkageError e) {
            savedState = null; // its bundle is gone: the next optimizer starts fresh
        }
        optimizer = null;
        rig = null;
    }

    /** The services are back (or the user asked to resume): build everything again around the same parameters. */
    private void rebuildRig() {
        double[] weights = null;
        try {
            TrainingRig fresh = TrainingRig.build(resolved, directory, resampleRound(step));
            squeezeIntoWindow(fresh);
            if (fresh.model.parameterCount() != theta.length) {
                throw new GeopinnException("the returned model has " + fresh.model.parameterCount() + " parameters, the session "
                        + theta.length);
            }
            String optimizerId = optimizerIdOrSaved();
            installOptimizer(optimizerId, optimizerSettings);
            if (savedState != null && savedState.optimizerId().equals(optimizerId)) {
                optimizer.importState(savedState);
            }
            rig = fresh;
            model = fresh.model;
            synchronized (lock) {
                lostReason = null;
            }
        } catch (GeopinnException e) {
            synchronized (lock) {
                lostReason = "still paused: " + e.getMessage();
                message = lostReason;
            }
        }
    }

    private String optimizerIdOrSaved() {
        if (savedState != null) {
            return savedState.optimizerId();
        }
        return optimizerFactory.id();
    }

    /** @return null to go on, or why the session ends */
    private String takeStep() {
        long t0 = System.nanoTime();
        advanceWindowIfDue();
        advanceStageIfDue();
        resampleIfDue();
        var system = rig.system;
        weighting.update(system, theta, step);
        System.arraycopy(theta, 0, backup, 0, theta.length);
        StepResult result;
        try {
            result = optimizer.step(system, theta);
        } catch (RuntimeException | LinkageError e) {
            System.arraycopy(backup, 0, theta, 0, theta.length);
            activeNanos += System.nanoTime() - t0;
            if (lostReason() != null) {
                return null; // a service went away under the step: pause, the step never happened
            }
            if (e instanceof GeopinnException g) {
                throw g;
            }
            throw new GeopinnException("optimizer '" + optimizer.id() + "' failed at step " + step + ": " + e, e);
        }
        if (!result.accepted() || !allFinite(theta) || !Double.isFinite(result.lossAfter())) {
            System.arraycopy(backup, 0, theta, 0, theta.length);
            rejectionsInRow++;
            activeNanos += System.nanoTime() - t0;
            String why = result.accepted() ? "non-finite loss or parameters after the step; parameters restored" : result.detail();
            emit(rejectedEvent(result, why));
            // Without resampling the next try would see the same system: an exhausted optimizer is done.
            if (result.converged() && spec.resampleEvery() == 0) {
                rejectionsInRow = 0;
                return endStage(": " + why);
            }
            if (rejectionsInRow >= REJECTION_LIMIT) {
                return "optimizer '" + optimizer.id() + "' rejected " + rejectionsInRow + " steps in a row (" + why + ")";
            }
            return null;
        }
        rejectionsInRow = 0;
        step++;
        double[] groupLosses = system.groupLosses(theta);
        activeNanos += System.nanoTime() - t0;
        // Error checks are reporting, not training: the training time leaves them out, so time to
        // an accuracy does not depend on how often it is checked.
        double[] errors = spec.errorEvery() > 0 && step % spec.errorEvery() == 0 ? measureErrors() : null;
        TrainingEvent e = stepEvent(groupLosses, errors, result.detail());
        synchronized (lock) {
            System.arraycopy(theta, 0, snapshot, 0, theta.length);
            history.add(e);
        }
        emit(e);
        if (spec.diagnosticEvery() > 0 && step % spec.diagnosticEvery() == 0) {
            runDiagnostics();
        }
        return result.converged() ? endStage("") : null;
    }

    /**
     * The optimizer of this stage has converged: the next stage of the chain starts, or, after
     * the last one, the session ends.
     *
     * @param detail appended to the end message
     * @return why the session ends, or null when a next stage started
     */
    private String endStage(String detail) {
        if (marching != null && window < marching.windows() && (chainOverridden || stage == resolved.stages().size() - 1)) {
            nextWindow();
            return null;
        }
        if (chainOverridden || stage == resolved.stages().size() - 1) {
            return "optimizer '" + optimizer.id() + "' converged at step " + step + detail;
        }
        nextStage();
        return null;
    }

    private void advanceStageIfDue() {
        if (!chainOverridden && step - windowStart >= resolved.stageEnd(stage)) {
            nextStage();
        }
    }

    private void nextStage() {
        OptimizerState previous = optimizer.exportState();
        String from = optimizer.id();
        stage++;
        OptimizerStage next = resolved.stages().get(stage);
        installOptimizer(next.optimizerId(), next.settings());
        boolean adopted = optimizer.adopt(previous);
        emit(event(TrainingEvent.Kind.SWAPPED, "chain stage " + (stage + 1) + ": " + from + " -> " + next.text()
                + (adopted ? " (adopted the previous state)" : "")));
    }

    // ---------------------------------------------------------------- time marching (see TimeMarching)

    private void squeezeIntoWindow(TrainingRig r) {
        if (marching != null) {
            marching.squeeze(window, r.system, conditionNames);
        }
    }

    private void squeeze(int g, double[] points) {
        if (marching != null) {
            marching.squeeze(window, g, points);
        }
    }

    private void advanceWindowIfDue() {
        if (marching != null && window < marching.windows()
                && (step >= marching.stepEnd(window, spec.startStep(), spec.maxSteps())
                        || seconds() >= marching.timeEnd(window, spec.timeBudgetSeconds()))) {
            nextWindow();
        }
    }

    /** Widens the time range of the marched conditions and runs the chain again from its first stage. */
    private void nextWindow() {
        window++;
        windowStart = step;
        long round = resampleRound(step);
        for (int g = 0; g < conditionNames.size(); g++) {
            if (marching.marched(g)) {
                double[] fresh = CollocationPoints.sample(rig.problem, spec, directory, g, round, 1);
                marching.squeeze(window, g, fresh);
                rig.system.setPoints(conditionNames.get(g), fresh);
            }
        }
        String from = optimizer.id();
        if (!chainOverridden) {
            stage = 0;
            OptimizerStage first = resolved.stages().get(0);
            installOptimizer(first.optimizerId(), first.settings());
        } else {
            installOptimizer(optimizerFactory.id(), optimizerSettings); // a fresh state for the new objective
        }
        emit(event(TrainingEvent.Kind.WINDOW, marching.describe(window) + " at step " + step + ": " + from + " -> "
                + optimizer.id() + ", same parameters"));
    }

    private void resampleIfDue() {
        int every = spec.resampleEvery();
        if (every <= 0 || step == 0 || step % every != 0 || step == spec.startStep() && spec.startStep() > 0) {
            return;
        }
        long round = resampleRound(step);
        int d = rig.problem.domain().dimension();
        for (int g = 0; g < conditionNames.size(); g++) {
            String name = conditionNames.get(g);
            if (AdaptiveResampling.available()) {
                double[] fresh = CollocationPoints.sample(rig.problem, spec, directory, g, round,
                        AdaptiveResampling.CANDIDATES_PER_POINT);
                squeeze(g, fresh);
                AdaptiveResampling.resample(rig.system, theta, name, fresh, d, CollocationPoints.seed(spec.seed(), g, -round));
            } else {
                double[] fresh = CollocationPoints.sample(rig.problem, spec, directory, g, round, 1);
                squeeze(g, fresh);
                rig.system.setPoints(name, fresh);
            }
        }
    }

    private double[] measureErrors() {
        return rig == null || rig.errors == null ? null : rig.errors.measure(theta);
    }

    private void runDiagnostics() {
        for (String d : spec.diagnostics()) {
            try {
                diagnoseNow(d, Map.of());
            } catch (GeopinnException e) {
                synchronized (lock) {
                    message = "diagnostic " + d + ": " + e.getMessage();
                }
            }
        }
    }

    private DiagnosticReport diagnoseNow(String diagnosticId, Map<String, ?> options) {
        Diagnostic d = new SpecResolver(directory).require(Diagnostic.class, diagnosticId, "diagnostic");
        if (rig == null) {
            throw new GeopinnException("session " + id + " cannot run diagnostics now: " + message());
        }
        DiagnosticReport report = d.run(rig.system, theta.clone(), options);
        emit(new TrainingEvent(TrainingEvent.Kind.DIAGNOSTIC, id, step, seconds(), lastLoss(), lastGroupLosses(),
                rig.system.weights(), Double.NaN, new double[0], optimizerIdOrSaved(), report.title(), report, window));
        return report;
    }

    private void finish(SessionState end, String endMessage) {
        if (rig != null && !spec.diagnostics().isEmpty() && spec.diagnosticEvery() == 0) {
            try {
                runDiagnostics();
            } catch (RuntimeException e) {
                endMessage = endMessage + "; final diagnostics failed: " + e.getMessage();
            }
        }
        double[] errors = null;
        try {
            errors = measureErrors();
        } catch (RuntimeException | LinkageError e) {
            endMessage = endMessage + "; the final error could not be measured: " + e;
        }
        TrainingEvent ended;
        synchronized (lock) {
            if (errors != null && !history.isEmpty()) {
                TrainingEvent last = history.get(history.size() - 1);
                if (last.step() == step) {
                    history.set(history.size() - 1, withErrors(last, errors));
                }
            }
            state = end;
            message = endMessage;
        }
        TrainingEvent last = lastStep();
        ended = new TrainingEvent(TrainingEvent.Kind.ENDED, id, step, seconds(), last == null ? Double.NaN : last.loss(),
                last == null ? new double[0] : last.groupLosses(), last == null ? new double[0] : last.weights(),
                errors == null ? Double.NaN : errors[0], errors == null ? new double[0] : tail(errors),
                optimizerIdOrSaved(), endMessage, null, window);
        emit(ended);
        try {
            onEnd.accept(this);
        } catch (RuntimeException | LinkageError e) {
            synchronized (lock) {
                message = endMessage + "; publishing the solution failed: " + e.getMessage();
            }
        }
        List<Runnable> leftover;
        synchronized (lock) {
            workerAlive = false;
            leftover = new ArrayList<>(actions);
            actions.clear();
            lock.notifyAll();
        }
        leftover.forEach(Runnable::run);
    }

    /** @return the trained solution as of now, or null while the session has no model to evaluate */
    org.geopinn.api.solution.TrainedSolution solution() {
        TrainingRig r = rig;
        if (r == null) {
            return null;
        }
        return org.geopinn.api.solution.TrainedSolution.of(spec.problemId(), r.problem.vocabulary().variables(), r.model,
                parameters());
    }

    private static TrainingEvent withErrors(TrainingEvent e, double[] errors) {
        return new TrainingEvent(e.kind(), e.sessionId(), e.step(), e.seconds(), e.loss(), e.groupLosses(), e.weights(),
                errors[0], tail(errors), e.optimizerId(), e.message(), e.report(), e.window());
    }

    private static double[] tail(double[] errors) {
        return java.util.Arrays.copyOfRange(errors, 1, errors.length);
    }

    private TrainingEvent stepEvent(double[] groupLosses, double[] errors, String detail) {
        double loss = 0;
        for (double g : groupLosses) {
            loss += g;
        }
        return new TrainingEvent(TrainingEvent.Kind.STEP, id, step, seconds(), loss, groupLosses, rig.system.weights(),
                errors == null ? Double.NaN : errors[0], errors == null ? new double[0] : tail(errors), optimizer.id(),
                detail == null ? "" : detail, null, window);
    }

    private TrainingEvent rejectedEvent(StepResult r, String why) {
        return new TrainingEvent(TrainingEvent.Kind.REJECTED, id, step, seconds(), r.lossBefore(), lastGroupLosses(),
                rig.system.weights(), Double.NaN, new double[0], optimizer.id(), why == null ? "" : why, null, window);
    }

    private TrainingEvent event(TrainingEvent.Kind kind, String note) {
        return new TrainingEvent(kind, id, step, seconds(), lastLoss(), lastGroupLosses(),
                rig == null ? new double[0] : rig.system.weights(), Double.NaN, new double[0], optimizerIdOrSaved(), note, null, window);
    }

    private TrainingEvent lastStep() {
        synchronized (lock) {
            return history.isEmpty() ? null : history.get(history.size() - 1);
        }
    }

    private double lastLoss() {
        TrainingEvent e = lastStep();
        return e == null ? Double.NaN : e.loss();
    }

    private double[] lastGroupLosses() {
        TrainingEvent e = lastStep();
        return e == null ? new double[0] : e.groupLosses();
    }

    private double seconds() {
        return activeNanos * 1e-9;
    }

    private void emit(TrainingEvent e) {
        synchronized (lock) {
            lastEvent = e;
        }
        for (TrainingListener l : listeners) {
            deliver(l, e);
        }
        for (TrainingListener l : directory.listeners()) {
            deliver(l, e);
        }
    }

    private static void deliver(TrainingListener l, TrainingEvent e) {
        try {
            l.onEvent(e);
        } catch (RuntimeException | LinkageError ignored) {
            // A broken listener must not break training; it keeps receiving later events.
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

    /**
     * Runs a task on the worker thread between two steps (directly once the worker has ended).
     */
    private <T> T onWorker(Supplier<T> task) {
        if (Thread.currentThread() == worker) {
            return task.get();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        boolean queued;
        synchronized (lock) {
            // Once the worker has ended it runs what is left in the queue: a queued task always runs.
            queued = workerAlive;
            if (queued) {
                actions.add(() -> {
                    try {
                        f.complete(task.get());
                    } catch (RuntimeException | LinkageError t) {
                        f.completeExceptionally(t);
                    }
                });
                lock.notifyAll();
            }
        }
        if (!queued) {
            return task.get();
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeopinnException("interrupted while waiting for session " + id);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new GeopinnException("session " + id + ": " + e.getCause(), e.getCause());
        }
    }

    // ---------------------------------------------------------------- services coming and going

    /**
     * @param kindName what the service is, for the message
     * @param serviceId its id
     * @param service the service object that left
     */
    void serviceGone(String kindName, String serviceId, Object service) {
        synchronized (lock) {
            if (state.isTerminal() || !(usesRig(service) || service == optimizerFactory)) {
                return;
            }
            lostReason = kindName + " '" + serviceId + "' went away at step " + step + "; paused until it returns";
            if (state == SessionState.PAUSED) {
                message = lostReason;
            }
            lock.notifyAll();
        }
    }

    private boolean usesRig(Object service) {
        TrainingRig r = rig;
        return r != null && r.uses(service);
    }

    /** A service arrived: a session paused for a missing service tries to rebuild. */
    void serviceArrived() {
        synchronized (lock) {
            if (lostReason != null) {
                retryRebuild = true;
                lock.notifyAll();
            }
        }
    }

    /** @return the model factory the current model came from, null while paused without one */
    ModelFactory modelFactory() {
        TrainingRig r = rig;
        return r == null ? null : r.modelFactory;
    }

    // ---------------------------------------------------------------- Session

    @Override
    public String id() {
        return id;
    }

    @Override
    public SessionSpec spec() {
        return spec;
    }

    @Override
    public SessionState state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public String message() {
        synchronized (lock) {
            return message;
        }
    }

    @Override
    public TrainingEvent lastEvent() {
        synchronized (lock) {
            return lastEvent;
        }
    }

    @Override
    public List<TrainingEvent> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    @Override
    public List<String> conditionNames() {
        return conditionNames;
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public double[] parameters() {
        synchronized (lock) {
            return snapshot.clone();
        }
    }

    @Override
    public String optimizerId() {
        return currentOptimizerId;
    }

    @Override
    public OptimizerState optimizerState() {
        return onWorker(() -> optimizer != null ? optimizer.exportState() : savedState);
    }

    @Override
    public void swapOptimizer(String optimizerId, Map<String, String> settings) {
        OptimizerFactory f = new SpecResolver(directory).require(OptimizerFactory.class, optimizerId, "optimizer");
        Optimizer next = f.create(settings == null ? Map.of() : settings);
        if (state().isTerminal()) {
            throw new GeopinnException("session " + id + " has ended (" + state().name().toLowerCase() + "); nothing to swap");
        }
        onWorker(() -> {
            if (optimizer == null) {
                throw new GeopinnException("session " + id + " is waiting for its services (" + message() + "); swap after it resumes");
            }
            String from = optimizer.id();
            boolean adopted = next.adopt(optimizer.exportState());
            optimizer = next;
            currentOptimizerId = optimizerId;
            optimizerFactory = f;
            optimizerSettings = Map.copyOf(settings == null ? Map.of() : settings);
            chainOverridden = true;
            emit(event(TrainingEvent.Kind.SWAPPED, "swapped " + from + " -> " + optimizerId + " at step " + step
                    + (adopted ? " (adopted the previous state)" : " (fresh state)")));
            return null;
        });
    }

    @Override
    public void pause() {
        synchronized (lock) {
            pauseRequested = true;
            lock.notifyAll();
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            retryRebuild = true;
            lock.notifyAll();
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    @Override
    public SessionState await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (workerAlive || !state.isTerminal()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return state;
        }
    }

    @Override
    public DiagnosticReport diagnose(String diagnosticId, Map<String, ?> options) {
        new SpecResolver(directory).require(Diagnostic.class, diagnosticId, "diagnostic");
        return onWorker(() -> diagnoseNow(diagnosticId, options == null ? Map.of() : options));
    }

    @Override
    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }
}
