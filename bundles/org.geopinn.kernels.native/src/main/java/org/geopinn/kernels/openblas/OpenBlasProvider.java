package org.geopinn.kernels.openblas;

import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.KernelsProvider;

/** Creates {@link OpenBlasKernels} with the configured thread counts. */
final class OpenBlasProvider implements KernelsProvider {
    private final int productThreads;
    private final int factorizationThreads;
    private final String version;

    /**
     * @param productThreads threads of the products
     * @param factorizationThreads threads inside LAPACK
     * @param version the library's version line
     */
    OpenBlasProvider(int productThreads, int factorizationThreads, String version) {
        this.productThreads = productThreads;
        this.factorizationThreads = factorizationThreads;
        this.version = version;
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String description() {
        return version + " through JavaCPP; " + productThreads + (productThreads == 1 ? " thread" : " threads") + " in products, "
                + factorizationThreads + " in factorizations";
    }

    @Override
    public DenseKernels create() {
        return new OpenBlasKernels(productThreads, factorizationThreads);
    }
}
