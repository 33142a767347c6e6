package org.geopinn.api.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.geopinn.api.GeopinnException;

/**
 * The partial derivatives in the inputs that an evaluation must produce, as multi-indices
 * (derivative order per input variable). Index 0 is always the value itself (all orders zero).
 * Immutable.
 */
public final class DerivativeRequest {
    private final int dimension;
    private final List<int[]> multiIndices;

    private DerivativeRequest(int dimension, List<int[]> multiIndices) {
        this.dimension = dimension;
        this.multiIndices = multiIndices;
    }

    /**
     * @param dimension the number of input variables
     * @param multiIndices the derivatives wanted (the value is added first if missing; repeats dropped)
     * @return the request
     * @throws GeopinnException for a multi-index of the wrong length or with negative orders
     */
    public static DerivativeRequest of(int dimension, Collection<int[]> multiIndices) {
        List<int[]> list = new ArrayList<>();
        list.add(new int[dimension]);
        for (int[] m : multiIndices) {
            if (m.length != dimension) {
                throw new GeopinnException("derivative " + Arrays.toString(m) + " does not have " + dimension + " orders");
            }
            for (int o : m) {
                if (o < 0) {
                    throw new GeopinnException("negative derivative order in " + Arrays.toString(m));
                }
            }
            if (list.stream().noneMatch(x -> Arrays.equals(x, m))) {
                list.add(m.clone());
            }
        }
        return new DerivativeRequest(dimension, List.copyOf(list));
    }

    /** @param dimension the number of inputs @return a request for values only */
    public static DerivativeRequest valuesOnly(int dimension) {
        return of(dimension, List.of());
    }

    /** @return the number of input variables */
    public int dimension() {
        return dimension;
    }

    /** @return the number of derivatives K, the value included */
    public int size() {
        return multiIndices.size();
    }

    /** @param k a derivative index @return its multi-index (a copy) */
    public int[] multiIndex(int k) {
        return multiIndices.get(k).clone();
    }

    /** @param orders a multi-index @return its index in this request, or -1 */
    public int indexOf(int[] orders) {
        for (int k = 0; k < multiIndices.size(); k++) {
            if (Arrays.equals(multiIndices.get(k), orders)) {
                return k;
            }
        }
        return -1;
    }

    /** @return the highest total order requested */
    public int maxOrder() {
        return multiIndices.stream().mapToInt(m -> Arrays.stream(m).sum()).max().orElse(0);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("DerivativeRequest[");
        for (int[] m : multiIndices) {
            b.append(Arrays.toString(m));
        }
        return b.append(']').toString();
    }
}
