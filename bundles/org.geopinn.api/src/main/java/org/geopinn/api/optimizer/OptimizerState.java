package org.geopinn.api.optimizer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;

/**
 * A snapshot of an optimizer's internal state: named arrays and named scalars, with the
 * optimizer id and the parameter count it belongs to. Writes to and reads from a compact,
 * versioned binary form so that runs can be resumed exactly.
 */
public final class OptimizerState {
    private static final int MAGIC = 0x47505354; // "GPST"
    private static final int FORMAT = 1;

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

    /**
     * @param out the stream to write to (not closed)
     * @throws IOException on a write failure
     */
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(FORMAT);
        d.writeUTF(optimizerId);
        d.writeInt(parameterCount);
        d.writeInt(scalars.size());
        for (Map.Entry<String, Double> e : scalars.entrySet()) {
            d.writeUTF(e.getKey());
            d.writeDouble(e.getValue());
        }
        d.writeInt(arrays.size());
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            d.writeUTF(e.getKey());
            d.writeInt(e.getValue().length);
            for (double v : e.getValue()) {
                d.writeDouble(v);
            }
        }
        d.flush();
    }

    /**
     * @param in the stream to read from (not closed)
     * @return the state
     * @throws IOException on a read failure
     * @throws GeopinnException if the stream is not an optimizer state
     */
    public static OptimizerState readFrom(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC) {
            throw new GeopinnException("not a Geopinn optimizer state file");
        }
        int format = d.readInt();
        if (format != FORMAT) {
            throw new GeopinnException("optimizer state format " + format + " is not supported (expected " + FORMAT + ")");
        }
        String id = d.readUTF();
        int p = d.readInt();
        Map<String, Double> scalars = new TreeMap<>();
        int ns = d.readInt();
        for (int i = 0; i < ns; i++) {
            scalars.put(d.readUTF(), d.readDouble());
        }
        Map<String, double[]> arrays = new TreeMap<>();
        int na = d.readInt();
        if (ns < 0 || na < 0 || p < 0) {
            throw new GeopinnException("the optimizer state is damaged (negative counts)");
        }
        for (int i = 0; i < na; i++) {
            String name = d.readUTF();
            arrays.put(name, readArray(d, name, d.readInt()));
        }
        return new OptimizerState(id, p, arrays, scalars);
    }

    /**
     * Reads an array whose length the file claims, checked first: a damaged length is one clear
     * error, never a NegativeArraySizeException or an OutOfMemoryError; and the array grows with
     * the data actually present, so a truncated file ends in an EOF before a huge allocation.
     */
    private static double[] readArray(DataInputStream d, String name, int length) throws IOException {
        long bytes = 8L * length;
        if (length < 0 || bytes > Runtime.getRuntime().maxMemory()) {
            throw new GeopinnException("the optimizer state is damaged: array '" + name + "' claims " + length
                    + " numbers (" + bytes / (1 << 20) + " MB), more than this Java heap holds ("
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB)");
        }
        double[] a = new double[Math.min(length, 1 << 16)];
        for (int j = 0; j < length; j++) {
            if (j == a.length) {
                a = java.util.Arrays.copyOf(a, (int) Math.min(length, 2L * a.length));
            }
            a[j] = d.readDouble();
        }
        return a;
    }
}
