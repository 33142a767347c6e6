package org.geopinn.linalg;

/**
 * A {@link BlockPattern} seen from one side of a Gram product, so that JJᵀ and JᵀJ share one loop
 * over the blocks. The <em>outer</em> blocks lie along the Gram matrix's order (the row blocks for
 * JJᵀ, the column groups for JᵀJ); the <em>inner</em> blocks are the ones the products sum over (the
 * column groups for JJᵀ, the row blocks for JᵀJ). Entry (x, y) of the Gram matrix is the sum, over
 * the inner blocks q on which both x's and y's outer blocks are non-zero, of the product of the two
 * rows (JJᵀ) or columns (JᵀJ) restricted to q.
 *
 * <p>A view, not a copy: it reads the pattern it was last {@link #of set to}; not thread-safe.
 */
public final class GramSide {
    private BlockPattern pattern;
    private boolean columns;

    /**
     * Points this view at a pattern (no allocation, so a kernel can keep one view for every call).
     *
     * @param blocks the zero blocks of J
     * @param columnsSide true for JᵀJ, false for JJᵀ
     * @return this
     */
    public GramSide of(BlockPattern blocks, boolean columnsSide) {
        this.pattern = blocks;
        this.columns = columnsSide;
        return this;
    }

    /** @return true for JᵀJ (outer = column groups), false for JJᵀ (outer = row blocks) */
    public boolean columns() {
        return columns;
    }

    /** @return the Gram matrix's order: P for JᵀJ, S for JJᵀ */
    public int order() {
        return columns ? pattern.columns() : pattern.rows();
    }

    /** @return the number of outer blocks (along the Gram matrix's order) */
    public int outerBlocks() {
        return columns ? pattern.groups() : pattern.rowBlocks();
    }

    /** @param b an outer block, or {@link #outerBlocks()} @return its first index along the order (the order for the end) */
    public int outerStart(int b) {
        return columns ? pattern.groupStart(b) : pattern.rowStart(b);
    }

    /** @return the number of inner blocks (summed over) */
    public int innerBlocks() {
        return columns ? pattern.rowBlocks() : pattern.groups();
    }

    /** @param q an inner block, or {@link #innerBlocks()} @return its first row (JᵀJ) or column (JJᵀ) of J */
    public int innerStart(int q) {
        return columns ? pattern.rowStart(q) : pattern.groupStart(q);
    }

    /** @param q an inner block @return its rows (JᵀJ) or columns (JJᵀ) of J */
    public int innerLength(int q) {
        return innerStart(q + 1) - innerStart(q);
    }

    /** @param b an outer block @param q an inner block @return false if that block of J is exactly zero */
    public boolean nonzero(int b, int q) {
        return columns ? pattern.nonzero(q, b) : pattern.nonzero(b, q);
    }

    /**
     * @param b an outer block
     * @param c an outer block
     * @param q an inner block
     * @return whether b and c are both non-zero on q (their Gram block gets a term from q)
     */
    public boolean shared(int b, int c, int q) {
        return nonzero(b, q) && nonzero(c, q);
    }

    /**
     * Collects the indices along the order of the outer blocks that are non-zero on inner block q:
     * the rows (JJᵀ) or columns (JᵀJ) of J that a copied block for q keeps, ascending.
     *
     * @param q an inner block
     * @param into receives the indices (at least {@link #order()} long)
     * @return how many were written
     */
    public int nonzeroOuter(int q, int[] into) {
        int m = 0;
        for (int b = 0; b < outerBlocks(); b++) {
            if (nonzero(b, q)) {
                for (int x = outerStart(b); x < outerStart(b + 1); x++) {
                    into[m++] = x;
                }
            }
        }
        return m;
    }

    /**
     * @param b an outer block
     * @param c an outer block
     * @return the inner length both are non-zero on: the depth of the products that make their Gram block
     */
    public double sharedLength(int b, int c) {
        double inner = 0;
        for (int q = 0; q < innerBlocks(); q++) {
            if (shared(b, c, q)) {
                inner += innerLength(q);
            }
        }
        return inner;
    }

    /**
     * @return the multiply-adds of the Gram product without the zero blocks, counting both
     *         triangles: per inner block, the square of its non-zero outer length times its length
     */
    public double work() {
        double work = 0;
        for (int q = 0; q < innerBlocks(); q++) {
            double length = 0;
            for (int b = 0; b < outerBlocks(); b++) {
                length += nonzero(b, q) ? outerStart(b + 1) - outerStart(b) : 0;
            }
            work += length * length * innerLength(q);
        }
        return work;
    }
}
