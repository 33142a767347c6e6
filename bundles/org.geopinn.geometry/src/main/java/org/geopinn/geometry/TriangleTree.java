package org.geopinn.geometry;

/**
 * A bounding-volume hierarchy over the triangles of a {@link TriangleMesh}, so that the nearest
 * triangle of a point is found in about O(log T) distance evaluations instead of T: nodes split
 * the triangles at the median of their centroids along the longest axis of their box, down to
 * leaves of at most {@value #LEAF} triangles; a query descends the nearer child first and skips every
 * box farther than the best triangle found so far (branch and bound, C. Ericson, "Real-Time Collision
 * Detection", 2005, ch. 6). The answer is a triangle at the least distance, exactly as the brute
 * force finds (of two at the same distance, either).
 */
final class TriangleTree {
    /** Squared distance from a point to one triangle, its nearest point written into {@code nearest}. */
    interface Distance {
        /**
         * @param x the point
         * @param t the triangle's index
         * @param nearest receives the nearest point of the triangle
         * @return the squared distance
         */
        double squared(double[] x, int t, double[] nearest);
    }

    /** Most triangles in a leaf. */
    static final int LEAF = 4;

    /** Triangle indices, permuted so that each node's triangles are contiguous. */
    private final int[] order;
    /** Per node: box at [6k, 6k + 6) (lo x y z, hi x y z). */
    private double[] boxes;
    /** Per node: first child (inner node) or -1 - first index into order (leaf). */
    private int[] first;
    /** Per node: second child (inner node) or the number of triangles (leaf). */
    private int[] second;
    private int nodes;
    private final double[] centroid;
    private final double[] vertices;

    /** @param vertices triangle t's corners at [9t, 9t + 9) */
    TriangleTree(double[] vertices) {
        this.vertices = vertices;
        int count = vertices.length / 9;
        order = new int[count];
        centroid = new double[3 * count];
        for (int t = 0; t < count; t++) {
            order[t] = t;
            for (int j = 0; j < 3; j++) {
                centroid[3 * t + j] = (vertices[9 * t + j] + vertices[9 * t + 3 + j] + vertices[9 * t + 6 + j]) / 3;
            }
        }
        int capacity = Math.max(1, 2 * (count / LEAF + 1));
        boxes = new double[6 * capacity];
        first = new int[capacity];
        second = new int[capacity];
        build(0, count);
    }

    /** @return the node built over order[from, to) */
    private int build(int from, int to) {
        int node = nodes++;
        if (node >= first.length) {
            int grown = 2 * first.length;
            boxes = java.util.Arrays.copyOf(boxes, 6 * grown);
            first = java.util.Arrays.copyOf(first, grown);
            second = java.util.Arrays.copyOf(second, grown);
        }
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = from; i < to; i++) {
            int o = 9 * order[i];
            for (int c = 0; c < 9; c++) {
                lo[c % 3] = Math.min(lo[c % 3], vertices[o + c]);
                hi[c % 3] = Math.max(hi[c % 3], vertices[o + c]);
            }
        }
        System.arraycopy(lo, 0, boxes, 6 * node, 3);
        System.arraycopy(hi, 0, boxes, 6 * node + 3, 3);
        if (to - from <= LEAF) {
            first[node] = -1 - from;
            second[node] = to - from;
            return node;
        }
        int axis = 0;
        for (int j = 1; j < 3; j++) {
            if (hi[j] - lo[j] > hi[axis] - lo[axis]) {
                axis = j;
            }
        }
        int mid = (from + to) >>> 1;
        select(from, to - 1, mid, axis);
        int left = build(from, mid);
        int right = build(mid, to);
        first[node] = left;
        second[node] = right;
        return node;
    }

    /** Quickselect: order[k] gets the triangle of rank k by centroid along axis within [lo, hi]. */
    private void select(int lo, int hi, int k, int axis) {
        while (lo < hi) {
            double pivot = centroid[3 * order[(lo + hi) >>> 1] + axis];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (centroid[3 * order[i] + axis] < pivot) {
                    i++;
                }
                while (centroid[3 * order[j] + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int s = order[i];
                    order[i] = order[j];
                    order[j] = s;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** What a depth-first walk of the tree does at each node it reaches. */
    interface Walk {
        /**
         * @param node a node reached
         * @return whether to go into it (its children, or a leaf's triangles); a node not entered is
         *         skipped, or stands for all its triangles at once (the winding number's far field)
         */
        boolean enter(int node);

        /** @param t a triangle of an entered leaf */
        void triangle(int t);

        /**
         * @param a an entered node's first child
         * @param b its second child
         * @return whether to visit b before a (the nearer first, for branch and bound)
         */
        default boolean secondFirst(int a, int b) {
            return false;
        }
    }

    /**
     * Walks the tree depth first from the root: each node reached is offered to {@code walk}, which
     * enters it or not; an entered leaf hands over its triangles. The one traversal of the nearest
     * triangle's search and of the fast winding number.
     *
     * @param walk what to do at each node
     */
    void walk(Walk walk) {
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (!walk.enter(node)) {
                continue;
            }
            if (first[node] < 0) {
                int from = -1 - first[node];
                for (int i = from; i < from + second[node]; i++) {
                    walk.triangle(order[i]);
                }
                continue;
            }
            if (top + 2 > stack.length) {
                stack = java.util.Arrays.copyOf(stack, 2 * stack.length);
            }
            boolean swap = walk.secondFirst(first[node], second[node]);
            stack[top++] = swap ? first[node] : second[node]; // the one visited first is pushed last
            stack[top++] = swap ? second[node] : first[node];
        }
    }

    /**
     * @param x the point
     * @param distance the squared distance to one triangle
     * @param best receives the nearest point of the nearest triangle
     * @return the index of a triangle at the least distance from x
     */
    int nearest(double[] x, Distance distance, double[] best) {
        double[] p = new double[3];
        double[] min = {Double.POSITIVE_INFINITY};
        int[] arg = {-1};
        walk(new Walk() {
            @Override
            public boolean enter(int node) {
                return boxDistance(node, x) < min[0]; // a box farther than the best triangle holds none nearer
            }

            @Override
            public void triangle(int t) {
                double q = distance.squared(x, t, p);
                if (q < min[0] || (q == min[0] && t < arg[0])) {
                    min[0] = q;
                    arg[0] = t;
                    System.arraycopy(p, 0, best, 0, 3);
                }
            }

            @Override
            public boolean secondFirst(int a, int b) {
                return boxDistance(b, x) <= boxDistance(a, x); // the nearer first; b on a tie
            }
        });
        return arg[0];
    }

    /** @return the number of nodes; node 0 is the root and every child comes after its parent */
    int nodeCount() {
        return nodes;
    }

    /** @return whether the node is a leaf */
    boolean leaf(int node) {
        return first[node] < 0;
    }

    /** @return an inner node's first child */
    int left(int node) {
        return first[node];
    }

    /** @return an inner node's second child */
    int right(int node) {
        return second[node];
    }

    /** @return a leaf's first position in {@link #triangle(int)}'s order */
    int from(int node) {
        return -1 - first[node];
    }

    /** @return the number of triangles of a leaf */
    int size(int node) {
        return second[node];
    }

    /** @return the triangle at a position of the tree's order */
    int triangle(int position) {
        return order[position];
    }

    /** Squared distance from x to a node's box (0 inside). */
    private double boxDistance(int node, double[] x) {
        double q = 0;
        for (int j = 0; j < 3; j++) {
            double lo = boxes[6 * node + j];
            double hi = boxes[6 * node + 3 + j];
            double d = x[j] < lo ? lo - x[j] : x[j] > hi ? x[j] - hi : 0;
            q += d * d;
        }
        return q;
    }
}
