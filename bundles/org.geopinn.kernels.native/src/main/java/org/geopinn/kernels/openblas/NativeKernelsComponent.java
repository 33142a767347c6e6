package org.geopinn.kernels.openblas;

import java.util.function.Supplier;
import org.geopinn.autodiff.ProductKernels;
import org.geopinn.autodiff.RowProducts;
import org.geopinn.linalg.Kernels;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Loads OpenBLAS when the bundle starts and offers its kernels to {@link Kernels} (the optimizers'
 * dense kernels) and its GEMM to {@link ProductKernels} (the weight gradients of new network
 * evaluators); when the library
 * cannot be loaded (another platform, a damaged cache folder) it says so in one warning and the
 * optimizers keep the Java kernels. Immediate, so that the choice is made before a command creates
 * its optimizers.
 */
@Component(immediate = true, service = {}, configurationPid = NativeKernelsComponent.PID)
@Designate(ocd = NativeKernelsConfig.class)
public final class NativeKernelsComponent {
    /** The configuration PID. */
    static final String PID = "org.geopinn.kernels.native";

    private final Supplier<String> loader;
    /** The OSGi log, for the one warning when the library is missing (absent in plain unit tests). */
    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL)
    private Logger log;
    private OpenBlasProvider offered;
    private Supplier<RowProducts> products;

    /** The component as Declarative Services creates it: the real library. */
    public NativeKernelsComponent() {
        this(OpenBlasLibrary::load);
    }

    /** @param loader loads the library: null on success, else why not (tests simulate a failure with it) */
    NativeKernelsComponent(Supplier<String> loader) {
        this.loader = loader;
    }

    /** @param config the settings */
    @Activate
    void activate(NativeKernelsConfig config) {
        if (!config.enabled()) {
            Kernels.unavailable("native kernels disabled by the configuration " + PID + " (enabled = false)");
            return;
        }
        String failure = loader.get();
        if (failure != null) {
            Kernels.unavailable("native kernels unavailable: " + failure);
            if (log != null) {
                log.warn("native kernels unavailable, the optimizers use the Java kernels: {}", failure);
            }
            return;
        }
        int processors = Runtime.getRuntime().availableProcessors();
        int threads = config.threads() > 0 ? config.threads() : processors;
        offered = new OpenBlasProvider(threads, Math.max(1, config.factorization_threads()), OpenBlasLibrary.version());
        Kernels.offer(offered);
        products = OpenBlasRowProducts::new;
        ProductKernels.offer(products);
    }

    /**
     * Outside a framework (benchmarks on a plain class path): loads the library and offers the native
     * kernels, as the component does when the bundle starts.
     *
     * @param threads threads of the products (0: one per available processor, the default setting)
     * @return null when offered, else why not (one line)
     */
    public static String offerOutsideFramework(int threads) {
        String failure = OpenBlasLibrary.load();
        if (failure == null) {
            int products = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            Kernels.offer(new OpenBlasProvider(products, 1, OpenBlasLibrary.version()));
            ProductKernels.offer(OpenBlasRowProducts::new);
        } else {
            Kernels.unavailable("native kernels unavailable: " + failure);
        }
        return failure;
    }

    @Deactivate
    void deactivate() {
        if (products != null) {
            ProductKernels.withdraw(products);
            products = null;
        }
        if (offered != null) {
            Kernels.withdraw(offered);
            offered = null;
        }
        HelperLane.stopShared();
    }
}
