package org.geopinn.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.diagnostic.DiagnosticReport;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.ProblemConfiguration;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionSnapshot;
import org.geopinn.api.session.SessionSpec;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingEvent;
import org.geopinn.api.session.TrainingListener;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.api.weighting.LossWeighting;

/**
 * A training session on its own worker thread, put together from its parts: the
 * {@link SessionControl} (states and requests), the {@link SessionLoop} (the worker), the
 * {@link OptimizerChain}, the {@link TrainingStep} with its {@link TimeWindows} and
 * {@link ResamplingSchedule}, and the {@link SessionReporter}. Everything that changes the
 * training (swap, diagnose, pause, stop, losing or regaining a service) is handled between two
 * steps on the worker thread; other threads only post requests and read snapshots.
 */
final class TrainingSession implements Session {
    /** Consecutive rejected steps after which the session ends: the optimizer cannot make progress. */
    static final int REJECTION_LIMIT = TrainingStep.REJECTION_LIMIT;

    private final String id;
    private final SessionSpec spec;
    private final ServiceDirectory directory;
    private final List<String> conditionNames;
    private final SessionControl control;
    private final TrainingPosition at;
    private final OptimizerChain chain;
    private final SessionReporter reporter;
    private final ConfigurationLog configurations = new ConfigurationLog();
    private final SessionLoop loop;
    /** The session's weighting (null for fixed weights): its state is saved with the optimizer's. */
    private final LossWeighting resolvedWeighting;

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
        this.spec = resolved.spec();
        this.directory = directory;
        this.resolvedWeighting = resolved.weighting();
        this.conditionNames = resolved.problem().conditions().stream().map(Condition::name).toList();
        this.control = new SessionControl(id);
        TimeWindows windows = new TimeWindows(resolved.problem(), spec, directory, conditionNames);
        TrainingRig rig = TrainingRig.build(resolved, directory, Resampling.round(spec, spec.startStep()));
        windows.squeeze(rig, windows.first());
        int p = rig.model.parameterCount();
        if (spec.initialParameters() != null && spec.initialParameters().length != p) {
            throw new GeopinnException("the initial parameters have " + spec.initialParameters().length + " entries but the model "
                    + resolved.modelSpec().fields() + " " + Arrays.toString(resolved.modelSpec().hidden()) + " has " + p);
        }
        this.at = new TrainingPosition(spec.initialParameters() != null ? spec.initialParameters() : rig.model.initialParameters(spec.seed()),
                spec.startStep(), windows.first());
        at.rig = rig;
        at.model = rig.model;
        this.chain = new OptimizerChain(resolved, directory, p, at.step);
        this.reporter = new SessionReporter(id, spec, directory, at, chain, control);
        configurations.record(at.step, directory.configuration(rig.service));
        if (spec.initialOptimizerState() != null) {
            chain.restore(spec.initialOptimizerState());
            WeightingState.restore(spec.initialOptimizerState(), resolved.weighting());
        }
        // learned or chosen points are renewed at their rounds; a linear problem's under lm only where they are overfitted
        HeldOutFit heldOut = spec.collocation() == null && DefaultStrategy.lmOnly(resolved.stages().stream().map(OptimizerStage::optimizerId).toList())
                && Linearity.affine(resolved.problem(), spec) ? new HeldOutFit(spec.scaling()) : null;
        ResamplingSchedule resampling = new ResamplingSchedule(spec, directory, windows, conditionNames, Resampling.of(spec, resolved.problem()),
                heldOut);
        TrainingStep step = new TrainingStep(at, chain, reporter, control, windows, resampling, resolved.weighting());
        this.loop = new SessionLoop(id, resolved, directory, control, at, chain, reporter, configurations, windows, step,
                () -> onEnd.accept(this));
    }

    /** Starts the worker thread. */
    void begin() {
        loop.begin();
    }

    /** @return the trained solution as of now, or null while the session has no model to evaluate */
    TrainedSolution solution() {
        TrainingRig r = at.rig;
        if (r == null) {
            return null;
        }
        return TrainedSolution.of(spec.problemId(), r.problem.vocabulary().variables(), r.model, parameters());
    }

    /** @return the model factory the current model came from, null while paused without one */
    ModelFactory modelFactory() {
        TrainingRig r = at.rig;
        return r == null ? null : r.modelFactory;
    }

    /**
     * @param kindName what the service is, for the message
     * @param serviceId its id
     * @param service the service object that left
     */
    void serviceGone(String kindName, String serviceId, Object service) {
        TrainingRig r = at.rig;
        boolean used = r != null && r.uses(service) || chain.usesFactory(service);
        control.lost(used, kindName + " '" + serviceId + "' went away", at.step);
    }

    /** A service arrived: a session paused for a missing service tries to rebuild. */
    void serviceArrived() {
        control.arrived();
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
        return control.state();
    }

    @Override
    public String message() {
        return control.message();
    }

    @Override
    public TrainingEvent lastEvent() {
        return reporter.lastEvent();
    }

    @Override
    public List<TrainingEvent> history() {
        return reporter.history();
    }

    @Override
    public List<TrainingEvent> pointRenewals() {
        return reporter.pointRenewals();
    }

    @Override
    public List<ProblemConfiguration> problemConfigurations() {
        return configurations.all();
    }

    @Override
    public List<String> conditionNames() {
        return conditionNames;
    }

    @Override
    public Model model() {
        return at.model;
    }

    @Override
    public double[] parameters() {
        return reporter.parameters();
    }

    @Override
    public String optimizerId() {
        return chain.id();
    }

    @Override
    public OptimizerState optimizerState() {
        LossWeighting weighting = resolvedWeighting;
        return control.tasks().onWorker(() -> WeightingState.attach(chain.exportState(), weighting));
    }

    @Override
    public SessionSnapshot snapshot() {
        LossWeighting weighting = resolvedWeighting;
        // One task on the worker: no step runs between reading the history, parameters, state and renewals.
        return control.tasks().onWorker(() -> new SessionSnapshot(reporter.history(), reporter.parameters(),
                WeightingState.attach(chain.exportState(), weighting), reporter.pointRenewals()));
    }

    @Override
    public void swapOptimizer(String optimizerId, Map<String, String> settings) {
        OptimizerFactory f = new SpecResolver(directory).require(OptimizerFactory.class, optimizerId, "optimizer");
        Map<String, String> with = settings == null ? Map.of() : settings;
        Optimizer next = f.create(with);
        if (state().isTerminal()) {
            throw new GeopinnException("session " + id + " has ended (" + state().name().toLowerCase() + "); nothing to swap");
        }
        control.tasks().onWorker(() -> {
            String from = chain.id();
            boolean paused = !chain.installed();
            String how = chain.swap(optimizerId, f, next, with);
            if (paused) {
                control.swappedWhilePaused(from, optimizerId);
            } else {
                control.messageIfRunning("training with " + optimizerId);
            }
            reporter.tell(TrainingEvent.Kind.SWAPPED, "swapped " + from + " -> " + optimizerId + " at step " + at.step + how);
            return null;
        });
    }

    @Override
    public void pause() {
        control.pause();
    }

    @Override
    public void resume() {
        control.resume();
    }

    @Override
    public void stop() {
        control.stop();
    }

    @Override
    public SessionState await(Duration timeout) throws InterruptedException {
        return control.await(timeout);
    }

    @Override
    public DiagnosticReport diagnose(String diagnosticId, Map<String, ?> options) {
        new SpecResolver(directory).require(Diagnostic.class, diagnosticId, "diagnostic");
        return control.tasks().onWorker(() -> reporter.diagnose(diagnosticId, options == null ? Map.of() : options));
    }

    @Override
    public void addListener(TrainingListener listener) {
        reporter.addListener(listener);
    }

    @Override
    public void removeListener(TrainingListener listener) {
        reporter.removeListener(listener);
    }
}
