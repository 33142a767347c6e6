package org.geopinn.models;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.ParameterBlock;
import org.geopinn.api.model.ParameterLayout;

/**
 * Saves and loads a parameter vector with its layout, as UTF-8 text:
 * <pre>
 * geopinn-parameters 1
 * blocks B parameters P
 * &lt;name&gt; &lt;WEIGHT|BIAS|OTHER&gt; &lt;offset&gt; &lt;rows&gt; &lt;cols&gt; &lt;network&gt;   (B lines)
 * values
 * &lt;one value per line&gt;                                      (P lines)
 * </pre>
 * Values are written with {@link Double#toString(double)}, which reads back bit for bit. Loading
 * against a model checks that the layouts agree block by block and says where they differ.
 */
public final class ParameterFile {
    private static final String MAGIC = "geopinn-parameters 1";

    /**
     * The content of a parameter file.
     *
     * @param layout the layout stored in the header
     * @param values the parameters
     */
    public record Contents(ParameterLayout layout, double[] values) {
    }

    private ParameterFile() {
    }

    /**
     * @param file the file to (over)write; its parent folder must exist
     * @param layout the layout of the parameters
     * @param theta the parameters (not modified)
     * @throws GeopinnException if the vector does not fit the layout or the file cannot be written
     */
    public static void write(Path file, ParameterLayout layout, double[] theta) {
        if (theta.length != layout.size()) {
            throw new GeopinnException(theta.length + " parameters do not fit a layout of " + layout.size());
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(MAGIC);
            w.newLine();
            w.write("blocks " + layout.blocks().size() + " parameters " + layout.size());
            w.newLine();
            for (ParameterBlock b : layout.blocks()) {
                if (b.name().isEmpty() || b.name().chars().anyMatch(Character::isWhitespace)) {
                    throw new GeopinnException("parameter block name '" + b.name() + "' is empty or contains spaces");
                }
                w.write(b.name() + " " + b.kind() + " " + b.offset() + " " + b.rows() + " " + b.cols() + " " + b.network());
                w.newLine();
            }
            w.write("values");
            w.newLine();
            for (double v : theta) {
                w.write(Double.toString(v));
                w.newLine();
            }
        } catch (IOException e) {
            throw new GeopinnException("cannot write parameters to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file a parameter file
     * @return its layout and values
     * @throws GeopinnException if the file is missing or not a parameter file
     */
    public static Contents read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!MAGIC.equals(r.readLine())) {
                throw malformed(file, "it does not start with '" + MAGIC + "'");
            }
            String[] header = split(r.readLine(), file, 4);
            int count = integer(header[1], file);
            int size = integer(header[3], file);
            List<ParameterBlock> blocks = new ArrayList<>();
            for (int b = 0; b < count; b++) {
                String[] f = split(r.readLine(), file, 6);
                ParameterBlock.Kind kind;
                try {
                    kind = ParameterBlock.Kind.valueOf(f[1]);
                } catch (IllegalArgumentException e) {
                    throw malformed(file, "unknown block kind " + f[1]);
                }
                blocks.add(new ParameterBlock(f[0], kind, integer(f[2], file), integer(f[3], file), integer(f[4], file),
                        integer(f[5], file)));
            }
            ParameterLayout layout = new ParameterLayout(blocks);
            if (layout.size() != size) {
                throw malformed(file, "its blocks hold " + layout.size() + " parameters, its header says " + size);
            }
            if (!"values".equals(r.readLine())) {
                throw malformed(file, "the line 'values' is missing after the blocks");
            }
            long bytes = Files.size(file);
            if (size < 0 || size > bytes / 2) { // every value takes at least two characters ("0" and a line end)
                throw malformed(file, "it claims " + size + " values but holds only " + bytes + " bytes");
            }
            double[] values = new double[size];
            for (int p = 0; p < size; p++) {
                String line = r.readLine();
                if (line == null) {
                    throw malformed(file, "it ends after " + p + " of " + size + " values");
                }
                try {
                    values[p] = Double.parseDouble(line.trim());
                } catch (NumberFormatException e) {
                    throw malformed(file, "value " + p + " is not a number: " + line);
                }
            }
            return new Contents(layout, values);
        } catch (IOException e) {
            throw new GeopinnException("cannot read parameters from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file a parameter file
     * @param expected the layout of the model the parameters are for
     * @return the parameters
     * @throws GeopinnException if the file's layout differs from the expected one (the message names the
     *         first differing block) or the file is unreadable
     */
    public static double[] read(Path file, ParameterLayout expected) {
        Contents contents = read(file);
        List<ParameterBlock> found = contents.layout().blocks();
        List<ParameterBlock> wanted = expected.blocks();
        for (int b = 0; b < Math.max(found.size(), wanted.size()); b++) {
            ParameterBlock f = b < found.size() ? found.get(b) : null;
            ParameterBlock w = b < wanted.size() ? wanted.get(b) : null;
            if (f == null || !f.equals(w)) {
                throw new GeopinnException("parameters in " + file + " do not fit the model: block " + b + " is "
                        + describe(f) + " in the file but " + describe(w) + " in the model");
            }
        }
        return contents.values();
    }

    private static String describe(ParameterBlock b) {
        return b == null ? "missing" : b.name() + " (" + b.kind() + " " + b.rows() + "x" + b.cols() + ", network " + b.network() + ")";
    }

    private static String[] split(String line, Path file, int fields) {
        if (line == null) {
            throw malformed(file, "it ends early");
        }
        String[] f = line.trim().split("\\s+");
        if (f.length != fields) {
            throw malformed(file, "line '" + line + "' should have " + fields + " fields");
        }
        return f;
    }

    private static int integer(String text, Path file) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw malformed(file, "'" + text + "' is not an integer");
        }
    }

    private static GeopinnException malformed(Path file, String why) {
        return new GeopinnException(file + " is not a Geopinn parameter file: " + why);
    }
}
