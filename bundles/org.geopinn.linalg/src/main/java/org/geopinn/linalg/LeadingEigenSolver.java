package org.geopinn.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * All eigenvalues of a symmetric matrix and, on demand, only its leading eigenvectors: what a
 * truncated pseudo-inverse needs (an ANaGRAM step keeps tens to a few hundred of about a thousand
 * directions). Obtained from {@link DenseKernels#leadingEigen()}; an instance keeps its work
 * buffers between calls and is not thread-safe.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface LeadingEigenSolver {

    /**
     * Computes all eigenvalues of a (descending); forgets the vectors of the previous matrix.
     *
     * @param a a symmetric n×n matrix (not modified; may be kept until the next call)
     * @return false when the eigenvalue iteration failed (the caller then takes a full decomposition)
     */
    boolean decompose(DMatrixRMaj a);

    /** @return the eigenvalues of the last decomposed matrix, descending; do not modify */
    double[] values();

    /**
     * Makes the eigenvectors of the k largest eigenvalues available, if not yet done.
     *
     * @param k how many, 0 ≤ k ≤ n
     * @return false when they could not be computed to full accuracy (use a full decomposition instead)
     */
    boolean ensure(int k);

    /**
     * @return the eigenvectors computed so far as rows of length n: row i (entries i·n … i·n+n−1)
     *         belongs to {@code values()[i]}; only the first {@link #computed()} rows are valid;
     *         do not modify
     */
    double[] vectors();

    /** @return how many leading eigenvectors are available */
    int computed();
}
