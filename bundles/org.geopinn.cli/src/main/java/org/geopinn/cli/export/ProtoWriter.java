package org.geopinn.cli.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol buffers wire format, just what an ONNX model needs: varints, length-delimited
 * fields (strings, bytes, nested messages) and packed little-endian doubles. Written by hand so
 * the host carries no protobuf runtime for one file format.
 */
final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** @param field the field number @param value an int64/int32/enum value */
    ProtoWriter varint(int field, long value) {
        tag(field, VARINT);
        rawVarint(value);
        return this;
    }

    /** @param field the field number @param value a string (UTF-8) */
    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** @param field the field number @param message a nested message */
    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** @param field the field number @param value raw bytes */
    ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.write(value, 0, value.length);
        return this;
    }

    /** @param values doubles @return them as little-endian IEEE 754 bytes (ONNX raw_data) */
    static byte[] littleEndian(double[] values) {
        byte[] b = new byte[values.length * 8];
        for (int i = 0; i < values.length; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            for (int k = 0; k < 8; k++) {
                b[i * 8 + k] = (byte) (bits >>> (8 * k));
            }
        }
        return b;
    }

    /** @return the bytes written so far */
    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
