package org.geopinn.kernels.openblas;

import org.bytedeco.openblas.global.openblas_full;

/**
 * OpenBLAS's process-wide thread count, set only when it changes, through OpenBLAS's own entry
 * point. Never through JavaCPP's vendor-neutral {@code blas_set_num_threads}: that looks the
 * vendor's entry points up by name on every call, closing libraries from inside the dynamic
 * linker's iteration over loaded objects, and a library loaded at the same moment by another
 * thread (the JDK's font library, when a picture is drawn during training) then deadlocks the
 * whole process. All of Geopinn's calls go through here, so the remembered value is the library's.
 */
final class OpenBlasThreads {
    private static int current = -1;

    private OpenBlasThreads() {
    }

    /** @param threads the threads of the next OpenBLAS calls */
    static synchronized void use(int threads) {
        if (threads != current) {
            openblas_full.openblas_set_num_threads(threads);
            current = threads;
        }
    }
}
