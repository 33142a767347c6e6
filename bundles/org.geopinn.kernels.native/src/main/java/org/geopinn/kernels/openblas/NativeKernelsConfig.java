package org.geopinn.kernels.openblas;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the native kernels (configuration PID {@code org.geopinn.kernels.native}). */
@ObjectClassDefinition(name = "Geopinn native kernels", description = "Dense kernels on OpenBLAS/LAPACK, offered to the optimizers when the library loads")
public @interface NativeKernelsConfig {
    /** @return false to keep the Java kernels even where the native library loads */
    @AttributeDefinition(description = "Offer the native kernels (false: the optimizers use the Java kernels)")
    boolean enabled() default true;

    /** @return threads of the matrix products; 0 = one per available processor */
    @AttributeDefinition(description = "Threads of the matrix products; 0 = one per available processor. GEMM: OpenBLAS threads. "
            + "The Gram matrices (SYRK) with 2 or more: split into single-threaded calls on the calling thread and one helper thread", min = "0", max = "256")
    int threads() default 0;

    /** @return threads of the reductions and factorizations */
    @AttributeDefinition(description = "OpenBLAS threads inside the LAPACK reductions and factorizations (tridiagonal reduction, back-transformation of the kept eigenvectors, QR, SVD, Cholesky); "
            + "their many level-2 steps each synchronise the threads, which spin while they wait", min = "1", max = "256")
    int factorization_threads() default 1;
}
