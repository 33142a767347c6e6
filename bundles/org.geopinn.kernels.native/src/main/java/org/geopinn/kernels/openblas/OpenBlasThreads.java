package org.geopinn.kernels.openblas;

import org.bytedeco.openblas.global.openblas;

/**
 * OpenBLAS's process-wide thread count, set only when it changes. JavaCPP's
 * {@code blas_set_num_threads} looks the vendor's entry points up by name on every call (about 100 KB
 * of garbage and microseconds each, measured), too much before every product of a training step;
 * the direct entry point is only in the "full" binding, which this bundle does not ship. All of
 * Geopinn's calls go through here, so the remembered value is the library's.
 */
final class OpenBlasThreads {
    private static int current = -1;

    private OpenBlasThreads() {
    }

    /** @param threads the threads of the next OpenBLAS calls */
    static synchronized void use(int threads) {
        if (threads != current) {
            openblas.blas_set_num_threads(threads);
            current = threads;
        }
    }
}
