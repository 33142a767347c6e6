/**
 * Truncated pseudo-inverses of a dense Jacobian J (S×P): one factorization, then
 * d_k = Σ_{i&lt;k} v_i (u_iᵀr)/σ_i for any rank k. {@link org.geopinn.linalg.pinv.QrPseudoInverse}
 * (QR of the tall orientation, then SVD of the small triangle: full precision) and
 * {@link org.geopinn.linalg.pinv.GramPseudoInverse} (eigendecomposition of a Gram matrix: faster,
 * half the precision). Used by ANaGRAM and ENGD.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geopinn.linalg.pinv;
