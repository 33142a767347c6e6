package org.geopinn.problem.builder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geopinn.api.GeopinnException;

/**
 * One NumPy array in the {@code .npy} format ("A Simple File Format for NumPy Arrays", NumPy
 * Enhancement Proposal 1, versions 1.0 to 3.0): magic, version, header length, a Python dict
 * literal giving {@code descr}, {@code fortran_order} and {@code shape}, then the data. Float64 and
 * float32 arrays are read, little-endian or single-byte order; the values come out in C order
 * (last index fastest) whatever the file's order.
 *
 * @param shape the array's shape
 * @param values its values in C order
 */
record NpyArray(long[] shape, double[] values) {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * @param bytes the whole .npy content
     * @param what names the array in errors ("observations FILE", or with the array's name)
     * @return the array
     * @throws GeopinnException one line naming {@code what}: not .npy, a dtype other than float64 or
     *         float32, a size that does not fill the data
     */
    static NpyArray parse(byte[] bytes, String what) {
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new GeopinnException(what + " is not a NumPy .npy file");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        long headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : Integer.toUnsignedLong(b.getInt(8));
        int start = major == 1 ? 10 : 12;
        if (start + headerLength > bytes.length) {
            throw new GeopinnException(what + ": truncated .npy header");
        }
        String header = new String(bytes, start, (int) headerLength, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher order = ORDER.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !order.find() || !shapeText.find()) {
            throw new GeopinnException(what + ": not a .npy header: " + header.strip());
        }
        String dtype = descr.group(1);
        int size = switch (dtype) {
            case "<f8", "|f8", "f8" -> 8;
            case "<f4", "|f4", "f4" -> 4;
            default -> throw new GeopinnException(what + " has dtype '" + dtype
                    + "'; observations are read as little-endian float64 or float32 (in NumPy: a.astype('<f8'))");
        };
        long[] shape = Arrays.stream(shapeText.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        long count = 1;
        for (long s : shape) {
            count *= s;
        }
        long data = start + headerLength;
        if (count > Integer.MAX_VALUE / 8 || data + count * size != bytes.length) {
            throw new GeopinnException(what + ": an array of shape " + Arrays.toString(shape) + " does not fill the file");
        }
        double[] values = new double[(int) count];
        b.position((int) data);
        for (int i = 0; i < values.length; i++) {
            values[i] = size == 8 ? b.getDouble() : b.getFloat();
        }
        if (order.group(1).equals("True") && shape.length == 2) {
            values = transposed(values, (int) shape[1], (int) shape[0]);
        } else if (order.group(1).equals("True") && shape.length > 2) {
            throw new GeopinnException(what + ": a Fortran-ordered array of " + shape.length + " dimensions; observations are 1-D or 2-D");
        }
        return new NpyArray(shape, values);
    }

    /** @return the values of a rows × cols row-major matrix, column-major */
    private static double[] transposed(double[] v, int rows, int cols) {
        double[] t = new double[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = v[r * cols + c];
            }
        }
        return t;
    }
}
