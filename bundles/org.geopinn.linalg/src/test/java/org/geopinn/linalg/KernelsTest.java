package org.geopinn.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The choice between offered (native) kernels and the Java ones, and the system property that forces it. */
class KernelsTest {
    /** Stands for native kernels: hands out one recognisable instance. */
    private static final class Offered implements KernelsProvider {
        final DenseKernels kernels = new EjmlDenseKernels();

        @Override
        public String name() {
            return "native";
        }

        @Override
        public String description() {
            return "test library";
        }

        @Override
        public DenseKernels create() {
            return kernels;
        }
    }

    private final Offered offered = new Offered();

    @AfterEach
    void reset() {
        System.clearProperty(Kernels.PROPERTY);
        Kernels.withdraw(offered);
        Kernels.unavailable(null);
    }

    @Test
    void withoutAnOfferTheJavaKernelsAreUsedAndSaidSo() {
        assertInstanceOf(EjmlDenseKernels.class, DenseKernels.preferred());
        assertTrue(Kernels.describe().startsWith("java"), Kernels.describe());
        Kernels.unavailable("native kernels unavailable: no library for this platform");
        assertInstanceOf(EjmlDenseKernels.class, DenseKernels.preferred());
        assertTrue(Kernels.describe().contains("no library for this platform"), Kernels.describe());
    }

    @Test
    void offeredKernelsArePreferredUntilWithdrawn() {
        Kernels.offer(offered);
        assertSame(offered.kernels, DenseKernels.preferred());
        assertEquals("native (test library)", Kernels.describe());
        Kernels.withdraw(offered);
        assertInstanceOf(EjmlDenseKernels.class, DenseKernels.preferred());
    }

    @Test
    void thePropertyForcesEitherKernels() {
        Kernels.offer(offered);
        System.setProperty(Kernels.PROPERTY, "java");
        DenseKernels k = DenseKernels.preferred();
        assertInstanceOf(EjmlDenseKernels.class, k);
        assertTrue(k != offered.kernels);
        assertTrue(Kernels.describe().startsWith("java") && Kernels.describe().contains("forced"), Kernels.describe());
        System.setProperty(Kernels.PROPERTY, "Native");
        assertSame(offered.kernels, DenseKernels.preferred());
    }

    @Test
    void forcingMissingKernelsOrAnUnknownNameIsAOneLineError() {
        Kernels.unavailable("native kernels unavailable: no library for this platform");
        System.setProperty(Kernels.PROPERTY, "native");
        GeopinnException missing = assertThrows(GeopinnException.class, DenseKernels::preferred);
        assertTrue(missing.getMessage().contains("no library for this platform"), missing.getMessage());
        System.setProperty(Kernels.PROPERTY, "fast");
        GeopinnException unknown = assertThrows(GeopinnException.class, DenseKernels::preferred);
        assertEquals("system property geopinn.kernels is 'fast'; allowed: java, native", unknown.getMessage());
    }
}
