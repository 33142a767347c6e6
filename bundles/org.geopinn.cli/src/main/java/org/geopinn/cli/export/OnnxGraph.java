package org.geopinn.cli.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph being built: nodes, float64 initializers, one input and one output of shape
 * [N, width] with a symbolic batch size, then the ModelProto bytes. Field numbers are those of
 * onnx.proto (ONNX IR version 8, default opset 17).
 */
final class OnnxGraph {
    /** ONNX IR version 8 goes with opset 17 (ONNX 1.12). */
    static final int IR_VERSION = 8;
    /** The default-domain operator set the nodes are written against. */
    static final int OPSET = 17;
    private static final int DOUBLE = 11;
    private static final int INT64 = 7;
    private static final int ATTRIBUTE_INT = 2;

    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private int counter;

    /** @return a fresh value name with the prefix */
    String fresh(String prefix) {
        return prefix + "_" + counter++;
    }

    /**
     * @param name the initializer's name
     * @param dims its shape
     * @param values its entries, row-major
     * @return the name
     */
    String constant(String name, long[] dims, double[] values) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, DOUBLE).string(8, name).bytes(9, ProtoWriter.littleEndian(values));
        initializers.add(t);
        return name;
    }

    /** @return the name of an int64 vector initializer */
    String indices(String name, long... values) {
        ProtoWriter t = new ProtoWriter().varint(1, values.length).varint(2, INT64).string(8, name);
        byte[] raw = new byte[values.length * 8];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < 8; k++) {
                raw[i * 8 + k] = (byte) (values[i] >>> (8 * k));
            }
        }
        initializers.add(t.bytes(9, raw));
        return name;
    }

    /**
     * Adds a node with one output.
     *
     * @param op the operator type (default domain)
     * @param intAttributes attribute name/value pairs of int attributes (e.g. "axis", 1)
     * @param inputs its inputs
     * @return the output's name
     */
    String node(String op, Map<String, Long> intAttributes, String... inputs) {
        String output = fresh(op.toLowerCase(java.util.Locale.ROOT));
        return nodeTo(output, op, intAttributes, inputs);
    }

    /** @return the output name: adds a node writing that name */
    String nodeTo(String output, String op, Map<String, Long> intAttributes, String... inputs) {
        ProtoWriter n = new ProtoWriter();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, output + "_node").string(4, op);
        intAttributes.forEach((k, v) -> n.message(5, new ProtoWriter().string(1, k).varint(3, v).varint(20, ATTRIBUTE_INT)));
        nodes.add(n);
        return output;
    }

    /** @return the output name of a node without attributes */
    String node(String op, String... inputs) {
        return node(op, Map.of(), inputs);
    }

    /** @param key a metadata key @param value its value (shown by model viewers) */
    void metadata(String key, String value) {
        metadata.put(key, value);
    }

    /**
     * @param name the graph name
     * @param doc its description
     * @param input the input's name
     * @param inputWidth its second dimension
     * @param output the output's name (must be produced by a node)
     * @param outputWidth its second dimension
     * @return the serialized ModelProto
     */
    byte[] model(String name, String doc, String input, int inputWidth, String output, int outputWidth) {
        ProtoWriter g = new ProtoWriter();
        nodes.forEach(n -> g.message(1, n));
        g.string(2, name);
        initializers.forEach(t -> g.message(5, t));
        g.string(10, doc);
        g.message(11, valueInfo(input, inputWidth));
        g.message(12, valueInfo(output, outputWidth));
        ProtoWriter m = new ProtoWriter().varint(1, IR_VERSION).string(2, "geopinn").string(3, "1").message(7, g)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
        metadata.forEach((k, v) -> m.message(14, new ProtoWriter().string(1, k).string(2, v)));
        return m.toByteArray();
    }

    private static ProtoWriter valueInfo(String name, int width) {
        ProtoWriter shape = new ProtoWriter().message(1, new ProtoWriter().string(2, "N")).message(1, new ProtoWriter().varint(1, width));
        ProtoWriter tensor = new ProtoWriter().varint(1, DOUBLE).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }
}
