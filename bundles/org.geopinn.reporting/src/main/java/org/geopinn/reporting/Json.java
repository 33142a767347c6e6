package org.geopinn.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;

/**
 * JSON text from maps, lists, strings, numbers and booleans: objects one entry a line with two
 * spaces of indent, lists on one line, numbers as Java prints them (doubles round-trip exactly),
 * non-finite numbers as {@code null}; any other object as its string.
 */
public final class Json {
    private Json() {
    }

    /**
     * @param value a map, list, string, number, boolean or null
     * @return pretty JSON text ending with a newline
     */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, "");
        return b.append('\n').toString();
    }

    /**
     * @param value a map, list, string, number, boolean or null
     * @param file the file (replaced)
     * @throws GeopinnException naming the file when it cannot be written
     */
    public static void write(Object value, Path file) {
        try {
            Files.writeString(file, write(value));
        } catch (IOException e) {
            throw new GeopinnException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Object v, StringBuilder b, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(indent).append("  ");
                string(e.getKey().toString(), b);
                b.append(": ");
                write(e.getValue(), b, indent + "  ");
                b.append(++i < m.size() ? ",\n" : "\n");
            }
            b.append(indent).append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                write(l.get(i), b, indent);
            }
            b.append(']');
        } else if (v instanceof double[] a) {
            write(java.util.Arrays.stream(a).boxed().toList(), b, indent);
        } else if (v instanceof int[] a) {
            write(java.util.Arrays.stream(a).boxed().toList(), b, indent);
        } else if (v instanceof Double d) {
            b.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Float f) {
            b.append(Float.isFinite(f) ? Float.toString(f) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else {
            string(v.toString(), b);
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
