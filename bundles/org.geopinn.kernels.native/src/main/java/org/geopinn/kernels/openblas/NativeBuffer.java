package org.geopinn.kernels.openblas;

import org.bytedeco.javacpp.DoublePointer;

/**
 * Off-heap doubles for the native calls, grown when needed and reused: the Java arrays are copied
 * in and out (JNI would copy them anyway), and nothing is allocated per call once sizes settle.
 */
final class NativeBuffer {
    private DoublePointer pointer;
    private long capacity;

    /** @param length doubles needed @return a buffer of at least that length (contents undefined) */
    DoublePointer ofSize(long length) {
        if (pointer == null || length > capacity) {
            if (pointer != null) {
                pointer.close();
            }
            capacity = Math.max(1, length);
            pointer = new DoublePointer(capacity);
        }
        return pointer;
    }

    /** @param data source @param length how many @return a buffer holding data[0, length) */
    DoublePointer copyOf(double[] data, int length) {
        DoublePointer p = ofSize(length);
        p.put(data, 0, length);
        return p;
    }
}
