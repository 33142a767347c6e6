package org.geopinn.api.optimizer;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;

/**
 * A snapshot of an optimizer's internal state: named arrays and named scalars, with the
 * optimizer id and the parameter count it belongs to, so that runs can be resumed exactly. Its
 * file form is the linalg bundle's ({@code org.geopinn.linalg.state.OptimizerStateFile}).
 */
public final class OptimizerState {
    private final String optimizerId;
    private final int parameterCount;
    private final Map<String, double[]> arrays;
    private final Map<String, Double> scalars;

    /**
     * @param optimizerId the id of the optimizer that exported it
     * @param parameterCount the number of parameters it was built for
     * @param arrays named arrays (copied)
     * @param scalars named scalars (copied)
     */
    public OptimizerState(String optimizerId, int parameterCount, Map<String, double[]> arrays, Map<String, Double> scalars) {
        this.optimizerId = optimizerId;
        this.parameterCount = parameterCount;
        TreeMap<String, double[]> a = new TreeMap<>();
        arrays.forEach((k, v) -> a.put(k, v.clone()));
        this.arrays = Collections.unmodifiableMap(a);
        this.scalars = Collections.unmodifiableMap(new TreeMap<>(scalars));
    }

    /** @return the id of the optimizer that exported it */
    public String optimizerId() {
        return optimizerId;
    }

    /** @return the parameter count it was built for */
    public int parameterCount() {
        return parameterCount;
    }

    /** @return the named arrays (read-only map; arrays are shared, do not modify) */
    public Map<String, double[]> arrays() {
        return arrays;
    }

    /** @return the named scalars (read-only) */
    public Map<String, Double> scalars() {
        return scalars;
    }

    /** @param name an array name @return a copy of the array @throws GeopinnException if absent */
    public double[] array(String name) {
        double[] a = arrays.get(name);
        if (a == null) {
            throw new GeopinnException("optimizer state of " + optimizerId + " has no array '" + name + "'");
        }
        return a.clone();
    }

    /** @param name a scalar name @param fallback the value if absent @return the scalar */
    public double scalar(String name, double fallback) {
        return scalars.getOrDefault(name, fallback);
    }

    /**
     * Checks that this state was exported by the optimizer about to import it. The parameter count
     * is not checked here: an optimizer learns it only at its first step, so the session, which
     * knows the model, checks every state against the model's parameter count before handing it
     * to {@link Optimizer#importState} or {@link Optimizer#adopt}.
     *
     * @param id the importing optimizer's id
     * @throws GeopinnException if another optimizer exported it
     */
    public void requireSavedBy(String id) {
        if (!optimizerId.equals(id)) {
            throw new GeopinnException("optimizer state was saved by '" + optimizerId + "', not '" + id + "'");
        }
    }

    /**
     * Checks that this state fits an optimizer and a model: {@link #requireSavedBy} and the
     * parameter count.
     *
     * @param id the importing optimizer's id
     * @param p the model's parameter count (not this state's own)
     * @throws GeopinnException if it does not fit
     */
    public void requireCompatible(String id, int p) {
        requireSavedBy(id);
        if (parameterCount != p) {
            throw new GeopinnException("optimizer state is for " + parameterCount + " parameters, the model has " + p);
        }
    }
}
