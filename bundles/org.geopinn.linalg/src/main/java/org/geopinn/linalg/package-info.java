/**
 * Dense linear-algebra kernels behind one small interface ({@link org.geopinn.linalg.DenseKernels},
 * chosen by {@link org.geopinn.linalg.Kernels}: native ones when a bundle offers them,
 * EJML by default) and the matrix-free solvers shared by Gauss–Newton-PCG and Neural IVP:
 * {@link org.geopinn.linalg.LinearOperator}, {@link org.geopinn.linalg.PreconditionedCg},
 * {@link org.geopinn.linalg.NystromPreconditioner}. Matrices are EJML {@code DMatrixRMaj}
 * (row-major, float64); vectors are {@code double[]}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.geopinn.linalg;
