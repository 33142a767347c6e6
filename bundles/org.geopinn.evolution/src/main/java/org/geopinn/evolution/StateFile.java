package org.geopinn.evolution;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.evolution.EvolutionState;

/**
 * Reads and writes an {@link EvolutionState} as text: {@code key=value} header lines, then one
 * parameter per line in Java's shortest round-trip decimal form, so a resumed run continues from
 * bit-identical parameters.
 */
final class StateFile {
    private static final String MAGIC = "# geopinn neural-ivp state 1";

    private StateFile() {
    }

    /**
     * @param state the state
     * @param file the file, replaced atomically
     */
    static void write(EvolutionState state, Path file) {
        double[] theta = state.parameters();
        try {
            AtomicReplace.replace(file, tmp -> {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write(MAGIC + "\n");
                    w.write("problem=" + state.problemId() + "\n");
                    w.write("time=" + state.time() + "\n");
                    w.write("step-size=" + state.stepSize() + "\n");
                    w.write("steps=" + state.steps() + "\n");
                    w.write("restarts=" + state.restarts() + "\n");
                    w.write("parameters=" + theta.length + "\n");
                    for (double v : theta) {
                        w.write(Double.toString(v));
                        w.write('\n');
                    }
                }
            });
        } catch (IOException e) {
            throw new GeopinnException("cannot write the state file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file a file written by {@link #write}
     * @return the state
     */
    static EvolutionState read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GeopinnException("no state file " + file + " (a run writes state.txt into its --out directory)");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!MAGIC.equals(r.readLine())) {
                throw new GeopinnException(file + " is not a Neural IVP state file");
            }
            Map<String, String> header = new HashMap<>();
            String line;
            while ((line = r.readLine()) != null) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw new GeopinnException(file + ": malformed line '" + line + "'");
                }
                header.put(line.substring(0, eq), line.substring(eq + 1));
                if (line.startsWith("parameters=")) {
                    break;
                }
            }
            int p = Integer.parseInt(require(header, "parameters", file));
            long bytes = Files.size(file);
            if (p < 0 || p > bytes / 2) { // every value takes at least two characters ("0" and a line end)
                throw new GeopinnException(file + " is damaged: it claims " + p + " parameters but holds only " + bytes + " bytes");
            }
            double[] theta = new double[p];
            for (int i = 0; i < p; i++) {
                String v = r.readLine();
                if (v == null) {
                    throw new GeopinnException(file + " ends after " + i + " of " + p + " parameters");
                }
                theta[i] = Double.parseDouble(v);
            }
            return new EvolutionState(require(header, "problem", file), Double.parseDouble(require(header, "time", file)),
                    theta, Double.parseDouble(require(header, "step-size", file)),
                    Integer.parseInt(require(header, "steps", file)), Integer.parseInt(require(header, "restarts", file)));
        } catch (IOException e) {
            throw new GeopinnException("cannot read the state file " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (NumberFormatException e) {
            throw new GeopinnException(file + " has a malformed number: " + e.getMessage(), e);
        }
    }

    private static String require(Map<String, String> header, String key, Path file) {
        String v = header.get(key);
        if (v == null) {
            throw new GeopinnException(file + " has no '" + key + "' line");
        }
        return v;
    }
}
