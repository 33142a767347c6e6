package org.geopinn.kernels.openblas;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Loads OpenBLAS and its JNI bindings once per class loader, through JavaCPP's {@link Loader}
 * (which extracts the libraries shipped in this bundle to its cache folder and loads them).
 */
final class OpenBlasLibrary {
    private static String failure;
    private static boolean tried;

    private OpenBlasLibrary() {
    }

    /**
     * Loads the library if not done yet.
     *
     * @return null when it is loaded, else one line saying why not
     */
    static synchronized String load() {
        if (!tried) {
            tried = true;
            try {
                Loader.load(openblas_nolapack.class);
                Loader.load(openblas.class);
                // a first call proves the binding works (a missing symbol fails here, not in a step)
                openblas_nolapack.blas_get_vendor();
            } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError, …
                failure = "the OpenBLAS library could not be loaded for " + platform() + ": " + oneLine(t);
            }
        }
        return failure;
    }

    /** @return the version string OpenBLAS reports, e.g. "OpenBLAS 0.3.31" */
    static String version() {
        return openblas_nolapack.OPENBLAS_VERSION.trim();
    }

    private static String platform() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return (root.getClass().getSimpleName() + (m == null ? "" : " " + m)).replaceAll("\\s+", " ").trim();
    }
}
