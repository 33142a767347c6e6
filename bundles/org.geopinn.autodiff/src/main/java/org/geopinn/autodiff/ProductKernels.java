package org.geopinn.autodiff;

import java.util.function.Supplier;

/**
 * Which {@link RowProducts} new evaluators use: the one a native bundle offers (OpenBLAS's GEMM in
 * {@code org.geopinn.kernels.native}), else the Java one. The same system property as the optimizers'
 * dense kernels decides: {@code -Dgeopinn.kernels=java} keeps the Java products even when native ones
 * are offered. Evaluators choose when they are created.
 */
public final class ProductKernels {
    /** The system property shared with the dense kernels' choice ({@code java} forces Java). */
    public static final String PROPERTY = "geopinn.kernels";

    private static volatile Supplier<RowProducts> offered;

    private ProductKernels() {
    }

    /**
     * Offers products to evaluators created from now on.
     *
     * @param factory creates one instance per evaluator
     */
    public static void offer(Supplier<RowProducts> factory) {
        offered = factory;
    }

    /**
     * Withdraws products offered before (no effect if others were offered since).
     *
     * @param factory the factory passed to {@link #offer(Supplier)}
     */
    public static void withdraw(Supplier<RowProducts> factory) {
        synchronized (ProductKernels.class) {
            if (offered == factory) {
                offered = null;
            }
        }
    }

    /** @return new products: the offered ones unless the property forces Java, else {@link RowProducts#java()} */
    public static RowProducts create() {
        Supplier<RowProducts> factory = offered;
        if (factory == null || "java".equals(System.getProperty(PROPERTY))) {
            return RowProducts.java();
        }
        return factory.get();
    }
}
