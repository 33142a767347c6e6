package org.geopinn.geometry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;

/**
 * Reads the triangles of an STL file, binary (84-byte header, 50 bytes per triangle) or ASCII
 * ({@code solid …}). An ASCII file of several {@code solid NAME … endsolid} blocks gives one boundary
 * part per name (blocks of the same name merge); a file of one block, or a binary file, gives the one
 * part {@value TriangleMesh#BOUNDARY}.
 */
final class StlFile {
    private StlFile() {
    }

    /**
     * @param vertices the corners, 9 numbers per triangle
     * @param part each triangle's part, an index into names
     * @param names the parts' names
     */
    record Triangles(double[] vertices, int[] part, List<String> names) {
    }

    /**
     * @param file an STL file, binary or ASCII
     * @param maxTriangles the most triangles read
     * @return the triangles' corners, 9 numbers per triangle (a, b, c; the stored normals are skipped),
     *         and their parts
     * @throws GeopinnException on one line naming the file and what is wrong with it
     */
    static Triangles read(Path file, int maxTriangles) {
        byte[] bytes;
        try {
            if (Files.size(file) > 84L + 50L * maxTriangles) {
                throw new GeopinnException(file + ": larger than an STL of " + maxTriangles + " triangles");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GeopinnException("cannot read the STL file " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString();
        if (bytes.length >= 84) {
            long count = ByteBuffer.wrap(bytes, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            if (84 + 50 * count == bytes.length) {
                return new Triangles(binary(bytes, (int) count), new int[(int) count], List.of(TriangleMesh.BOUNDARY));
            }
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.stripLeading().startsWith("solid")) {
            throw new GeopinnException(name + ": not an STL file (neither 'solid …' text nor a binary file of 84 + 50·n bytes)");
        }
        return ascii(text, name, maxTriangles);
    }

    private static double[] binary(byte[] bytes, int count) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] w = new double[9 * count];
        for (int t = 0; t < count; t++) {
            int o = 84 + 50 * t + 12; // skip the stored normal
            for (int k = 0; k < 9; k++) {
                w[9 * t + k] = b.getFloat(o + 4 * k);
            }
        }
        return w;
    }

    private static Triangles ascii(String text, String name, int maxTriangles) {
        List<Double> w = new ArrayList<>();
        List<String> blocks = new ArrayList<>(); // the name of each solid block, in order
        List<Integer> blockOf = new ArrayList<>(); // per vertex: its block
        int line = 0;
        for (String raw : text.split("\n", -1)) {
            line++;
            String s = raw.trim();
            if (s.startsWith("solid") && (s.length() == 5 || Character.isWhitespace(s.charAt(5)))) {
                String[] words = s.substring(5).trim().split("\\s+");
                blocks.add(words[0]);
                continue;
            }
            if (!s.startsWith("vertex")) {
                continue;
            }
            String[] parts = s.substring("vertex".length()).trim().split("\\s+");
            if (parts.length != 3) {
                throw new GeopinnException(name + " line " + line + ": a vertex needs 3 coordinates, got '" + s + "'");
            }
            for (String p : parts) {
                try {
                    w.add(Double.parseDouble(p));
                } catch (NumberFormatException e) {
                    throw new GeopinnException(name + " line " + line + ": '" + p + "' is not a number");
                }
            }
            blockOf.add(Math.max(0, blocks.size() - 1));
            if (w.size() > 9L * maxTriangles) {
                throw new GeopinnException(name + ": more than " + maxTriangles + " triangles");
            }
        }
        if (w.size() % 9 != 0) {
            throw new GeopinnException(name + ": " + w.size() / 3 + " vertices are not whole triangles of 3");
        }
        double[] vertices = w.stream().mapToDouble(Double::doubleValue).toArray();
        int count = vertices.length / 9;
        int[] part = new int[count];
        if (blocks.size() <= 1) {
            return new Triangles(vertices, part, List.of(TriangleMesh.BOUNDARY));
        }
        List<String> names = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            String n = blocks.get(b);
            if (!n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new GeopinnException(name + ": the solid " + (b + 1) + " of " + blocks.size() + " is named '" + n + "'; with several"
                        + " solids each names a boundary part: a letter or _, then letters, digits or _");
            }
        }
        for (int t = 0; t < count; t++) {
            String n = blocks.get(blockOf.get(3 * t));
            if (!names.contains(n)) {
                names.add(n);
            }
            part[t] = names.indexOf(n);
        }
        return new Triangles(vertices, part, names);
    }
}
