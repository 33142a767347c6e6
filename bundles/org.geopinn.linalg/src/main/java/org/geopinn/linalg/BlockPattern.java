package org.geopinn.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The zero blocks of a row-major Jacobian, for Gram products that skip them. A model with one
 * network per field gives a Jacobian whose rows of a condition are exactly zero on the parameters
 * of every network its operator does not contain (a boundary condition on field c touches only
 * c's network; an equation may not involve every field). {@link #find} reads J and describes it as
 * row blocks (runs of consecutive rows with the same zero pattern) times column groups (runs of
 * {@value #CHUNK}-column chunks that are zero in the same rows), each block wholly zero or not.
 * Skipping a block found zero is exact whatever the reason it is zero, so the pattern is found
 * again from every Jacobian rather than assumed from the first one.
 *
 * <p>Buffers are kept between calls (no allocation once the sizes settle); not thread-safe.
 */
public final class BlockPattern {
    /** Columns per chunk of the search: narrow next to a network's parameters, wide enough for a BLAS product. */
    public static final int CHUNK = 64;
    /** The zero blocks are skipped only when that saves at least this fraction of the dense product's work. */
    public static final double MIN_SAVING = 0.1;
    /** Beyond this many row blocks or column groups the pattern is taken as dense (too fragmented to pay). */
    static final int MAX_BLOCKS = 64;

    private int rows;
    private int columns;
    private int rowBlocks;
    private int groups;
    private int[] rowStart = new int[MAX_BLOCKS + 1];
    private int[] groupStart = new int[MAX_BLOCKS + 1];
    private boolean[] nonzero = new boolean[MAX_BLOCKS * MAX_BLOCKS];
    /** live[r·chunks + c]: row r has a non-zero entry in chunk c (search workspace). */
    private boolean[] live = new boolean[0];
    private int[] chunkGroup = new int[0];
    /** This pattern from either side, for {@link #gramWork}. */
    private final GramSide side = new GramSide();

    /** @return a pattern of one dense block for an m×n matrix */
    public static BlockPattern dense(int m, int n) {
        BlockPattern p = new BlockPattern();
        p.setDense(m, n);
        return p;
    }

    /**
     * Finds the zero blocks of j (one pass over it; a row's chunk is read only up to its first
     * non-zero entry).
     *
     * @param j S×P row-major (not modified)
     * @return this
     */
    public BlockPattern find(DMatrixRMaj j) {
        int s = j.numRows;
        int p = j.numCols;
        int chunks = (p + CHUNK - 1) / CHUNK;
        if (s == 0 || p == 0) {
            setDense(s, p);
            return this;
        }
        if (live.length < s * chunks) {
            live = new boolean[s * chunks];
        }
        if (chunkGroup.length < chunks) {
            chunkGroup = new int[chunks];
        }
        double[] a = j.data;
        for (int r = 0; r < s; r++) {
            int base = r * p;
            for (int c = 0; c < chunks; c++) {
                int to = Math.min(p, (c + 1) * CHUNK);
                boolean any = false;
                for (int k = c * CHUNK; k < to; k++) {
                    if (a[base + k] != 0) {
                        any = true;
                        break;
                    }
                }
                live[r * chunks + c] = any;
            }
        }
        // column groups: adjacent chunks that are zero in exactly the same rows
        int g = 0;
        groupStart[0] = 0;
        for (int c = 0; c < chunks; c++) {
            if (c > 0 && !sameColumn(c - 1, c, s, chunks)) {
                if (++g >= MAX_BLOCKS) {
                    setDense(s, p);
                    return this;
                }
                groupStart[g] = c * CHUNK;
            }
            chunkGroup[c] = g;
        }
        groups = g + 1;
        groupStart[groups] = p;
        // row blocks: consecutive rows with the same chunks live (hence the same groups)
        int b = 0;
        rowStart[0] = 0;
        for (int r = 1; r < s; r++) {
            if (!sameRow(r - 1, r, chunks)) {
                if (++b >= MAX_BLOCKS) {
                    setDense(s, p);
                    return this;
                }
                rowStart[b] = r;
            }
        }
        rowBlocks = b + 1;
        rowStart[rowBlocks] = s;
        rows = s;
        columns = p;
        for (int i = 0; i < rowBlocks; i++) {
            int r = rowStart[i];
            for (int q = 0; q < groups; q++) {
                nonzero[i * groups + q] = false;
            }
            for (int c = 0; c < chunks; c++) {
                if (live[r * chunks + c]) {
                    nonzero[i * groups + chunkGroup[c]] = true;
                }
            }
        }
        return this;
    }

    private boolean sameColumn(int c0, int c1, int s, int chunks) {
        for (int r = 0; r < s; r++) {
            if (live[r * chunks + c0] != live[r * chunks + c1]) {
                return false;
            }
        }
        return true;
    }

    private boolean sameRow(int r0, int r1, int chunks) {
        int x = r0 * chunks;
        int y = r1 * chunks;
        for (int c = 0; c < chunks; c++) {
            if (live[x + c] != live[y + c]) {
                return false;
            }
        }
        return true;
    }

    private void setDense(int m, int n) {
        rows = m;
        columns = n;
        rowBlocks = 1;
        groups = 1;
        rowStart[0] = 0;
        rowStart[1] = m;
        groupStart[0] = 0;
        groupStart[1] = n;
        nonzero[0] = true;
    }

    /** @return true if no block is zero (the plain kernels do the same work) */
    public boolean isDense() {
        for (int i = 0; i < rowBlocks * groups; i++) {
            if (!nonzero[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param columnsSide true for JᵀJ, false for JJᵀ
     * @return true if skipping the zero blocks saves at least {@link #MIN_SAVING} of the dense work
     */
    public boolean worthSkipping(boolean columnsSide) {
        double dense = columnsSide ? (double) columns * columns * rows : (double) rows * rows * columns;
        return !isDense() && gramWork(columnsSide) <= (1 - MIN_SAVING) * dense;
    }

    /** @return S, the rows of the matrix last searched */
    public int rows() {
        return rows;
    }

    /** @return P, its columns */
    public int columns() {
        return columns;
    }

    /** @return the number of row blocks */
    public int rowBlocks() {
        return rowBlocks;
    }

    /** @param i a row block, or {@link #rowBlocks()} @return its first row (S for the end) */
    public int rowStart(int i) {
        return rowStart[i];
    }

    /** @return the number of column groups */
    public int groups() {
        return groups;
    }

    /** @param g a column group, or {@link #groups()} @return its first column (P for the end) */
    public int groupStart(int g) {
        return groupStart[g];
    }

    /** @param i row block @param g column group @return false if that block of J is exactly zero */
    public boolean nonzero(int i, int g) {
        return nonzero[i * groups + g];
    }

    /**
     * @param columnsSide true for JᵀJ, false for JJᵀ
     * @return the multiply-adds of the Gram product without the zero blocks, counting both
     *         triangles (S²·P or P²·S when dense), for comparisons and notes
     */
    public double gramWork(boolean columnsSide) {
        return side.of(this, columnsSide).work();
    }
}
