package org.geopinn.kernels.openblas;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changing OpenBLAS's thread count while another thread loads a native library must not stop the
 * process. It did: JavaCPP's vendor-neutral {@code blas_set_num_threads} closes libraries from
 * inside the dynamic linker's walk over the loaded objects, and a library being loaded at that
 * moment (the JDK's font library, when a picture was drawn during training) deadlocked both
 * threads and with them the run. Here one thread switches the count between one and two
 * as fast as it can while another loads fresh copies of a small library (zlib, which the JDK has
 * loaded already) for two seconds or 200 copies; both must finish.
 */
class ThreadCountWhileLoadingTest {
    /** Copies of about 100 KB each; the deadlock, before the fix, came within the first 20. */
    private static final int MAX_LOADS = 200;

    @Test
    void theThreadCountChangesWhileAnotherThreadLoadsLibraries(@TempDir Path dir) throws Exception {
        assertNull(OpenBlasLibrary.load(), "this test runs where the OpenBLAS library loads");
        Path zlib = loadedLibrary("libz.so");
        long end = System.nanoTime() + 2_000_000_000L;
        AtomicInteger switches = new AtomicInteger();
        AtomicInteger loads = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread switcher = new Thread(() -> {
            while (System.nanoTime() < end) {
                OpenBlasThreads.use(1 + switches.getAndIncrement() % 2);
            }
        }, "switcher");
        Thread loader = new Thread(() -> {
            try {
                while (System.nanoTime() < end && loads.get() < MAX_LOADS) {
                    Path copy = dir.resolve("libz-copy-" + loads.getAndIncrement() + ".so");
                    Files.copy(zlib, copy);
                    System.load(copy.toString());
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "loader");
        for (Thread t : new Thread[] {switcher, loader}) {
            t.setDaemon(true); // a deadlocked thread must not keep the test JVM alive
            t.start();
        }
        switcher.join(30_000);
        loader.join(30_000);
        assertNull(failure.get(), "the copies load");
        assertTrue(!switcher.isAlive() && !loader.isAlive(), "both threads finish (a deadlock leaves them waiting in the "
                + "dynamic linker): " + switches.get() + " switches, " + loads.get() + " loads");
        assertTrue(switches.get() > 100 && loads.get() > 10, switches.get() + " switches, " + loads.get() + " loads");
    }

    /** @return the file of a library this process has loaded, found in /proc/self/maps */
    private static Path loadedLibrary(String name) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash >= 0 && Path.of(line.substring(slash)).getFileName().toString().startsWith(name)) {
                return Path.of(line.substring(slash));
            }
        }
        throw new AssertionError("the JDK has not loaded " + name + " (this test needs a small library to load)");
    }
}
