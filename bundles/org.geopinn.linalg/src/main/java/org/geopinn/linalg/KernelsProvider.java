package org.geopinn.linalg;

/**
 * A faster implementation of {@link DenseKernels} offered by another bundle (native BLAS/LAPACK).
 * The bundle hands it to {@link Kernels#offer} once its library is loaded and withdraws it when it
 * stops; optimizers then obtain it through {@link DenseKernels#preferred()}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface KernelsProvider {

    /** @return a short name, e.g. {@code native} (the value of {@value Kernels#PROPERTY} that forces it) */
    String name();

    /** @return one line: library, version, threads */
    String description();

    /** @return new kernels with their own work buffers */
    DenseKernels create();
}
