package org.geopinn.linalg.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.optimizer.OptimizerState;

/**
 * The file form of an {@link OptimizerState}: a compact, versioned binary form (magic number,
 * format, optimizer id, parameter count, named scalars, named arrays) that a resumed run reads
 * back exactly.
 */
public final class OptimizerStateFile {
    private static final int MAGIC = 0x47505354; // "GPST"
    private static final int FORMAT = 1;

    private OptimizerStateFile() {
    }

    /**
     * @param state the state
     * @param out the stream to write to (not closed)
     * @throws IOException on a write failure
     */
    public static void write(OptimizerState state, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(FORMAT);
        d.writeUTF(state.optimizerId());
        d.writeInt(state.parameterCount());
        d.writeInt(state.scalars().size());
        for (Map.Entry<String, Double> e : state.scalars().entrySet()) {
            d.writeUTF(e.getKey());
            d.writeDouble(e.getValue());
        }
        d.writeInt(state.arrays().size());
        for (Map.Entry<String, double[]> e : state.arrays().entrySet()) {
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
    public static OptimizerState read(InputStream in) throws IOException {
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
