package org.geopinn.kernels.openblas;

import static org.bytedeco.openblas.global.openblas_full.CblasLower;
import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_full;
import org.ejml.data.DMatrixRMaj;
import org.geopinn.linalg.AbstractBlockGram;
import org.geopinn.linalg.BlockGram;
import org.geopinn.linalg.GramSide;

/**
 * {@link BlockGram} on OpenBLAS, in place on the off-heap copy of J: no block is copied. The Gram
 * matrix's order (S for JJᵀ, P for JᵀJ) is cut into tiles of at most {@value #TILE} that never cross
 * a row block (JJᵀ) or column group (JᵀJ); each tile of the lower triangle is one task, the sum over
 * the blocks of J both of its sides are non-zero on, one single-threaded SYRK (diagonal tile) or GEMM
 * (below it) per block, called on J's sub-matrices with leading dimension P. A tile whose sides share
 * no non-zero block is zero. On two or more product threads the tasks are dealt to the calling thread
 * and the {@link HelperLane} by their multiply-adds (each lane writes its own tiles). Buffers and the
 * off-heap views are kept: nothing is allocated per call once the sizes settle. When skipping pays
 * and which blocks meet is {@link AbstractBlockGram}'s and {@link GramSide}'s, shared with the Java
 * kernels; this class only cuts the tiles and makes the BLAS calls.
 */
final class OpenBlasBlockGram extends AbstractBlockGram {
    /** Largest tile side: a GEMM of 256 × 256 × k runs at the full speed of one core for k in the thousands. */
    static final int TILE = 256;

    private final OpenBlasKernels kernels;
    private final double[] zeros = new double[TILE];
    private final Lane callerLane = new Lane();
    private final Lane helperLane = new Lane();
    private final Runnable callerPart = callerLane::run;
    private final Runnable helperPart = helperLane::run;

    private GramSide side;
    private int order;
    private int leading;
    private int tiles;
    private int[] tileStart = new int[0];
    private int[] tileSize = new int[0];
    private int[] tileBlock = new int[0];

    OpenBlasBlockGram(OpenBlasKernels kernels) {
        super(kernels);
        this.kernels = kernels;
    }

    @Override
    protected void gramOfBlocks(DMatrixRMaj a, GramSide blocks, DMatrixRMaj c) {
        side = blocks;
        order = blocks.order();
        leading = a.numCols;
        DoublePointer pa = kernels.matrixBuffer().copyOf(a.data, a.getNumElements());
        DoublePointer pc = kernels.productBuffer().ofSize((long) order * order);
        cutTiles();
        callerLane.reset(pa, pc);
        helperLane.reset(pa, pc);
        boolean split = kernels.productThreadCount() >= 2;
        for (int x = 0; x < tiles; x++) {
            for (int y = 0; y <= x; y++) {
                double w = tileWork(x, y);
                // each task to the lane with less work so far
                (split && helperLane.work < callerLane.work ? helperLane : callerLane).add(x, y, w);
            }
        }
        OpenBlasThreads.use(1);
        if (split && helperLane.count > 0) {
            HelperLane.shared().runBoth(helperPart, callerPart);
        } else {
            callerLane.run();
        }
        pc.get(c.data, 0, order * order);
        OpenBlasKernels.mirrorLower(c.data, order);
    }

    /** Tiles of at most {@link #TILE} along the Gram matrix's order, inside the blocks of that side. */
    private void cutTiles() {
        int blocks = side.outerBlocks();
        int most = blocks + order / TILE + 1;
        if (tileStart.length < most) {
            tileStart = new int[most];
            tileSize = new int[most];
            tileBlock = new int[most];
        }
        tiles = 0;
        for (int b = 0; b < blocks; b++) {
            int from = side.outerStart(b);
            int to = side.outerStart(b + 1);
            int length = to - from;
            int pieces = (length + TILE - 1) / TILE;
            for (int q = 0; q < pieces; q++) {
                int start = from + (int) ((long) length * q / pieces);
                int end = from + (int) ((long) length * (q + 1) / pieces);
                tileStart[tiles] = start;
                tileSize[tiles] = end - start;
                tileBlock[tiles] = b;
                tiles++;
            }
        }
    }

    private double tileWork(int x, int y) {
        double w = (double) tileSize[x] * tileSize[y] * side.sharedLength(tileBlock[x], tileBlock[y]);
        return x == y ? w / 2 : w;
    }

    /** The tasks of one thread and its off-heap views (positions set per call). */
    private final class Lane {
        private int[] taskX = new int[16];
        private int[] taskY = new int[16];
        int count;
        double work;
        private DoublePointer base;
        private DoublePointer gram;
        private DoublePointer left;
        private DoublePointer right;
        private DoublePointer target;

        void reset(DoublePointer pa, DoublePointer pc) {
            if (pa != base) {
                base = pa;
                left = new DoublePointer(pa);
                right = new DoublePointer(pa);
            }
            if (pc != gram) {
                gram = pc;
                target = new DoublePointer(pc);
            }
            count = 0;
            work = 0;
        }

        void add(int x, int y, double w) {
            if (count == taskX.length) {
                taskX = java.util.Arrays.copyOf(taskX, 2 * count);
                taskY = java.util.Arrays.copyOf(taskY, 2 * count);
            }
            taskX[count] = x;
            taskY[count] = y;
            count++;
            work += w;
        }

        void run() {
            for (int t = 0; t < count; t++) {
                tile(taskX[t], taskY[t]);
            }
        }

        /** C[tile x, tile y] = Σ over the shared inner blocks of the product of J's two sub-matrices. */
        private void tile(int x, int y) {
            int mx = tileSize[x];
            int my = tileSize[y];
            target.position((long) tileStart[x] * order + tileStart[y]);
            double beta = 0;
            for (int q = 0; q < side.innerBlocks(); q++) {
                if (!side.shared(tileBlock[x], tileBlock[y], q)) {
                    continue;
                }
                int from = side.innerStart(q);
                int k = side.innerLength(q);
                if (k == 0) {
                    continue;
                }
                if (side.columns()) {
                    // rows [from, from + k) of J, columns of tile x (and y)
                    left.position((long) from * leading + tileStart[x]);
                    if (x == y) {
                        openblas_full.cblas_dsyrk(CblasRowMajor, CblasLower, CblasTrans, mx, k, 1.0, left, leading, beta, target, order);
                    } else {
                        right.position((long) from * leading + tileStart[y]);
                        openblas_full.cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, mx, my, k, 1.0, left, leading, right, leading,
                                beta, target, order);
                    }
                } else {
                    // rows of tile x (and y), columns [from, from + k) of J
                    left.position((long) tileStart[x] * leading + from);
                    if (x == y) {
                        openblas_full.cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, mx, k, 1.0, left, leading, beta, target, order);
                    } else {
                        right.position((long) tileStart[y] * leading + from);
                        openblas_full.cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, mx, my, k, 1.0, left, leading, right, leading,
                                beta, target, order);
                    }
                }
                beta = 1;
            }
            if (beta == 0) {
                // no shared block: the tile is zero (the diagonal tile's lower triangle suffices, the rest is mirrored)
                for (int r = 0; r < mx; r++) {
                    target.position((long) (tileStart[x] + r) * order + tileStart[y]);
                    target.put(zeros, 0, x == y ? r + 1 : my);
                }
            }
        }
    }
}
