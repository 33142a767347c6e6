package org.geopinn.kernels.openblas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_full;
import org.geopinn.api.GeopinnException;
import org.geopinn.linalg.DenseKernels;
import org.geopinn.linalg.EjmlDenseKernels;
import org.geopinn.linalg.Kernels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the native library cannot load, the Java kernels are used and the reason is reported; where it
 * loads, the native kernels are offered until the component stops.
 */
class FallbackTest {

    @AfterEach
    void reset() {
        System.clearProperty(Kernels.PROPERTY);
        Kernels.unavailable(null);
    }

    /** The settings with their defaults, or disabled. */
    private static NativeKernelsConfig config(boolean enabled) {
        return new NativeKernelsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return NativeKernelsConfig.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int threads() {
                return 0;
            }

            @Override
            public int factorization_threads() {
                return 1;
            }
        };
    }

    /**
     * The bundle's classes in a class loader of their own that hides the platform resources (the native
     * libraries), as on a machine this build carries no libraries for: loading must fail with a reason.
     */
    @Test
    void aMissingLibraryIsAReasonNotACrash() throws Exception {
        URL[] path = {location(OpenBlasLibrary.class), location(Loader.class), location(openblas_full.class)};
        try (URLClassLoader isolated = new WithoutNativeLibraries(path)) {
            Class<?> library = isolated.loadClass(OpenBlasLibrary.class.getName());
            assertTrue(library != OpenBlasLibrary.class);
            java.lang.reflect.Method load = library.getDeclaredMethod("load");
            load.setAccessible(true);
            String failure = (String) load.invoke(null);
            assertNotNull(failure, "the library loaded without its native files");
            assertTrue(failure.startsWith("the OpenBLAS library could not be loaded"), failure);
            assertTrue(!failure.contains("\n"), "one line: " + failure);
            // the component, given that failure, leaves the Java kernels in place and says why
            NativeKernelsComponent component = new NativeKernelsComponent(() -> failure);
            component.activate(config(true));
            assertInstanceOf(EjmlDenseKernels.class, DenseKernels.preferred());
            assertTrue(Kernels.describe().startsWith("java") && Kernels.describe().contains(failure), Kernels.describe());
            System.setProperty(Kernels.PROPERTY, "native");
            GeopinnException forced = assertThrows(GeopinnException.class, DenseKernels::preferred);
            assertTrue(forced.getMessage().contains(failure), forced.getMessage());
            component.deactivate();
        }
    }

    /** Loads classes itself (not from the test's loader) and finds no resource of a platform folder. */
    private static final class WithoutNativeLibraries extends URLClassLoader {
        WithoutNativeLibraries(URL[] path) {
            super(path, ClassLoader.getPlatformClassLoader());
        }

        private static boolean hidden(String name) {
            return name.contains("linux-x86_64");
        }

        @Override
        public URL findResource(String name) {
            return hidden(name) ? null : super.findResource(name);
        }

        @Override
        public java.util.Enumeration<URL> findResources(String name) throws java.io.IOException {
            return hidden(name) ? java.util.Collections.emptyEnumeration() : super.findResources(name);
        }
    }

    private static URL location(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void aLoadedLibraryIsOfferedUntilTheComponentStops() {
        NativeKernelsComponent component = new NativeKernelsComponent();
        component.activate(config(true));
        assertInstanceOf(OpenBlasKernels.class, DenseKernels.preferred());
        assertTrue(Kernels.describe().startsWith("native (OpenBLAS 0.3.31"), Kernels.describe());
        System.setProperty(Kernels.PROPERTY, "java");
        assertInstanceOf(EjmlDenseKernels.class, DenseKernels.preferred());
        System.clearProperty(Kernels.PROPERTY);
        component.deactivate();
        assertInstanceOf(EjmlDenseKernels.class, DenseKernels.preferred());
    }

    @Test
    void theConfigurationCanKeepTheJavaKernels() {
        NativeKernelsComponent component = new NativeKernelsComponent();
        component.activate(config(false));
        assertInstanceOf(EjmlDenseKernels.class, DenseKernels.preferred());
        assertTrue(Kernels.describe().contains("enabled = false"), Kernels.describe());
        component.deactivate();
        assertEquals(EjmlDenseKernels.class, DenseKernels.preferred().getClass());
    }
}
