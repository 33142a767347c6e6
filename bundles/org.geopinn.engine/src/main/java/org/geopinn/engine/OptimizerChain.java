package org.geopinn.engine;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.OptimizerState;
import org.geopinn.api.session.OptimizerStage;

/**
 * The optimizer a session steps with: the stages of its chain, a swap asked for by the user,
 * the state kept while paused without one, and every hand-over of an optimizer state. Each state
 * handed to an optimizer is first checked against the model's parameter count here
 * ({@link #requireFits}), the one place that knows both. Used on the worker thread only, except
 * {@link #id()} and {@link #usesFactory}.
 */
final class OptimizerChain {
    private final ResolvedSpec resolved;
    private final ServiceDirectory directory;
    private final int parameterCount;
    private Optimizer optimizer;
    /** The id of the optimizer taking the steps, readable from any thread without waiting for a step. */
    private volatile String currentId;
    private OptimizerFactory factory;
    private Map<String, String> settings;
    /** The state saved when the optimizer was dropped with its rig. */
    private OptimizerState savedState;
    /** The optimizer swapped in while paused without one; installed (its settings already checked) on {@link #reinstall}. */
    private Optimizer pending;
    private int stage;
    /** True once the user swapped: the chain's own stages no longer apply. */
    private boolean overridden;

    /**
     * @param resolved the resolved spec (stages and their prepared optimizers)
     * @param directory where the optimizer factories are
     * @param parameterCount the model's parameter count
     * @param step the step the session starts at (picks the stage)
     */
    OptimizerChain(ResolvedSpec resolved, ServiceDirectory directory, int parameterCount, long step) {
        this.resolved = resolved;
        this.directory = directory;
        this.parameterCount = parameterCount;
        this.stage = resolved.stageAt(step);
        OptimizerStage first = resolved.stages().get(stage);
        install(first.optimizerId(), first.settings(), resolved.optimizers().get(stage));
    }

    /** @param prepared the optimizer the spec resolver created for this stage, null to create one now */
    private void install(String optimizerId, Map<String, String> with, Optimizer prepared) {
        OptimizerFactory f = new SpecResolver(directory).require(OptimizerFactory.class, optimizerId, "optimizer");
        optimizer = prepared != null ? prepared : f.create(with);
        currentId = optimizerId;
        factory = f;
        settings = Map.copyOf(with);
    }

    /**
     * The one parameter-count check: a state exported for another model (a resumed run of a
     * different width, say) must not reach an optimizer. A count of 0 is a state exported before
     * the first step, which fits any model.
     *
     * @param state the state about to be imported or adopted
     * @throws GeopinnException when its parameter count is not the model's
     */
    void requireFits(OptimizerState state) {
        if (state.parameterCount() != 0 && state.parameterCount() != parameterCount) {
            throw new GeopinnException("the saved optimizer state is for " + state.parameterCount() + " parameters, the model has "
                    + parameterCount);
        }
    }

    /**
     * Restores the state a run was saved with, before any step.
     *
     * @param state the saved state (its own optimizer's, imported; another's, offered to adopt)
     * @throws GeopinnException when it does not fit
     */
    void restore(OptimizerState state) {
        requireFits(state);
        try {
            if (state.optimizerId().equals(optimizer.id())) {
                optimizer.importState(state);
            } else {
                optimizer.adopt(state);
            }
        } catch (RuntimeException e) { // a state that does not fit is bad input, found before any step
            throw new GeopinnException("the saved optimizer state does not fit optimizer '" + optimizer.id() + "': "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }

    /** @return the optimizer taking the steps; null while paused without one */
    Optimizer optimizer() {
        return optimizer;
    }

    /** @return the id of the optimizer taking (or, while paused, about to take) the steps: plain text, its bundle may be gone */
    String id() {
        return currentId;
    }

    /** @return whether an optimizer is installed */
    boolean installed() {
        return optimizer != null;
    }

    /** @param service a service object @return whether it is the factory of the current optimizer */
    boolean usesFactory(Object service) {
        return service == factory;
    }

    /** @return the current optimizer's state, or the one saved while paused without one */
    OptimizerState exportState() {
        return optimizer != null ? optimizer.exportState() : savedState;
    }

    /** A service went away: keep the optimizer's state (plain data), drop the optimizer. */
    void drop() {
        try {
            savedState = optimizer.exportState();
        } catch (RuntimeException | LinkageError e) {
            savedState = null; // its bundle is gone: the next optimizer starts fresh
        }
        optimizer = null;
    }

    /**
     * Installs the optimizer again after a rebuild (or the one swapped in meanwhile) and hands it
     * the saved state.
     *
     * @throws GeopinnException when its factory is missing or the state does not fit
     */
    void reinstall() {
        String optimizerId = currentId;
        install(optimizerId, settings, pending);
        pending = null;
        if (savedState != null) {
            requireFits(savedState);
            if (savedState.optimizerId().equals(optimizerId)) {
                optimizer.importState(savedState);
            } else {
                optimizer.adopt(savedState); // swapped while paused: the new optimizer may take over the old state
            }
        }
    }

    /**
     * The user's swap: from now on the chain's stages no longer apply.
     *
     * @param optimizerId the new optimizer's id
     * @param f its factory
     * @param next the new optimizer, created from the settings
     * @param with its settings
     * @return how it took over, for the event
     */
    String swap(String optimizerId, OptimizerFactory f, Optimizer next, Map<String, String> with) {
        String how;
        if (optimizer == null) {
            // Paused for a missing service (perhaps this very optimizer's bundle): the new one is
            // installed when the rig is rebuilt, adopting the state saved when the old one left.
            how = " (takes over when the session resumes)";
            pending = next;
        } else {
            OptimizerState previous = optimizer.exportState();
            requireFits(previous);
            how = next.adopt(previous) ? " (adopted the previous state)" : " (fresh state)";
            optimizer = next;
        }
        currentId = optimizerId;
        factory = f;
        settings = Map.copyOf(with);
        overridden = true;
        return how;
    }

    /** @return whether the current optimizer is the chain's last (or the user's) */
    boolean atLastStage() {
        return overridden || stage == resolved.stages().size() - 1;
    }

    /** @param stepsInWindow the steps taken in the current time window @return whether the current stage has used its steps */
    boolean stageDue(long stepsInWindow) {
        return !overridden && stepsInWindow >= resolved.stageEnd(stage);
    }

    /** @return the event note of the hand-over to the next stage of the chain */
    String nextStage() {
        OptimizerState previous = optimizer.exportState();
        String from = optimizer.id();
        stage++;
        OptimizerStage next = resolved.stages().get(stage);
        install(next.optimizerId(), next.settings(), resolved.optimizers().get(stage));
        requireFits(previous);
        boolean adopted = optimizer.adopt(previous);
        return "chain stage " + (stage + 1) + ": " + from + " -> " + next.text() + (adopted ? " (adopted the previous state)" : "");
    }

    /** A new time window: the chain (or the user's optimizer) starts again with a fresh state for the new objective. */
    void restart() {
        if (!overridden) {
            stage = 0;
            OptimizerStage first = resolved.stages().get(0);
            install(first.optimizerId(), first.settings(), null);
        } else {
            install(factory.id(), settings, null);
        }
    }

    /** @return the chain as given, e.g. {@code adam:1000,lbfgs} */
    String text() {
        return String.join(",", resolved.stages().stream().map(OptimizerStage::text).toList());
    }
}
