package org.geopinn.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The dispatch every {@link BlockGram} shares, so that a backend writes only its products over the
 * blocks: when skipping the zero blocks would not save {@link BlockPattern#MIN_SAVING} of the work,
 * the plain Gram kernel of the backend runs; otherwise the pattern is checked against the matrix,
 * the output is sized and {@link #gramOfBlocks} gets the pattern seen from the side asked for
 * ({@link GramSide}), one code path for JJᵀ and JᵀJ.
 */
public abstract class AbstractBlockGram implements BlockGram {
    private final DenseKernels kernels;
    private final GramSide side = new GramSide();

    /** @param kernels the backend whose plain Gram kernels run when skipping does not pay */
    protected AbstractBlockGram(DenseKernels kernels) {
        this.kernels = kernels;
    }

    @Override
    public final void gramOfRows(DMatrixRMaj a, BlockPattern pattern, DMatrixRMaj c) {
        gram(a, pattern, c, false);
    }

    @Override
    public final void gramOfColumns(DMatrixRMaj a, BlockPattern pattern, DMatrixRMaj c) {
        gram(a, pattern, c, true);
    }

    private void gram(DMatrixRMaj a, BlockPattern pattern, DMatrixRMaj c, boolean columns) {
        if (!pattern.worthSkipping(columns)) {
            if (columns) {
                kernels.gramOfColumns(a, c);
            } else {
                kernels.gramOfRows(a, c);
            }
            return;
        }
        if (pattern.rows() != a.numRows || pattern.columns() != a.numCols) {
            throw new IllegalArgumentException("the block pattern is of a " + pattern.rows() + "×" + pattern.columns()
                    + " matrix, not " + a.numRows + "×" + a.numCols);
        }
        side.of(pattern, columns);
        c.reshape(side.order(), side.order());
        gramOfBlocks(a, side, c);
    }

    /**
     * The Gram matrix without the zero blocks: c = Σ over the inner blocks q of the products of the
     * outer blocks non-zero on q (both triangles filled).
     *
     * @param a S×P, the matrix the pattern was found on (not modified)
     * @param side the pattern from the side asked for, worth skipping (valid during this call only)
     * @param c already order × order (modified)
     */
    protected abstract void gramOfBlocks(DMatrixRMaj a, GramSide side, DMatrixRMaj c);
}
