package org.geopinn.kernels.openblas;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_full;

/**
 * Loads OpenBLAS and its JNI bindings (JavaCPP's "full" binding: BLAS, LAPACK and OpenBLAS's own
 * thread control) once per class loader, through JavaCPP's {@link Loader}
 * (which extracts the libraries shipped in this bundle to its cache folder and loads them).
 */
final class OpenBlasLibrary {
    /** JavaCPP's cache folder property. */
    private static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";
    /** The manifest header holding this bundle's build time (bnd.bnd). */
    private static final String BUILD_HEADER = "Geopinn-Native-Build";
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
                useCacheOfThisBuild();
                Loader.load(openblas_full.class);
                // a first call proves the binding works (a missing symbol fails here, not in a step);
                // OpenBLAS's own entry point, not JavaCPP's blas_get_vendor, which searches every
                // loaded library by name (see OpenBlasThreads)
                openblas_full.openblas_get_num_threads();
            } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError, …
                failure = "the OpenBLAS library could not be loaded for " + platform() + ": " + oneLine(t);
            }
        }
        return failure;
    }

    /**
     * Points JavaCPP's cache at a folder of this build, unless the user chose one: JavaCPP
     * overwrites a cached library in place when another build's jar is newer, and a process that
     * has the old file mapped then crashes (SIGBUS).
     */
    private static void useCacheOfThisBuild() throws java.io.IOException {
        if (System.getProperty(CACHE_DIR) != null) {
            return;
        }
        java.net.URL url = OpenBlasLibrary.class.getResource("/META-INF/MANIFEST.MF");
        if (url == null) {
            return;
        }
        try (java.io.InputStream in = url.openStream()) {
            String build = new java.util.jar.Manifest(in).getMainAttributes().getValue(BUILD_HEADER);
            if (build != null && build.matches("[0-9]+")) {
                System.setProperty(CACHE_DIR, java.nio.file.Path.of(System.getProperty("user.home"), ".javacpp", "cache",
                        "geopinn-native-" + build).toString());
            }
        }
    }

    /** @return the version string OpenBLAS reports, e.g. "OpenBLAS 0.3.31" */
    static String version() {
        return openblas_full.OPENBLAS_VERSION.trim();
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
