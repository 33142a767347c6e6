package org.geopinn.cluster;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;

/**
 * Whether a member keeps a block's residual system (with the forward pass it caches between
 * products at one θ) or only the block's points: a member keeps its blocks' systems while their
 * estimated size stays within a share of its maximum heap ({@code cache} of the configuration)
 * and holds only the points of the blocks beyond, whose systems it rebuilds one at a time, per
 * product, in one work system. So a member's memory is bounded by its points, one block's work and
 * what it chose to keep, whatever the number of points.
 *
 * <p>A block system's size is measured, not modelled: the bytes the building thread allocated
 * while building it (the operator engines allocate a system's work buffers, e.g. the autodiff
 * engine's jets of every layer per point, when it is built). Engine-independent, so the rule holds
 * for any engine a member is configured with; where the JVM does not count a thread's allocations
 * the size is unknown and the block is recomputed unless the share is 1 (keep everything).
 */
final class BlockMemory {
    /** The default share of the maximum heap that kept block systems may take. */
    static final double DEFAULT_SHARE = 0.5;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Method ALLOCATED = allocatedMethod();

    private BlockMemory() {
    }

    /** @return com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes, or null (another JVM) */
    private static Method allocatedMethod() {
        try {
            // through the platform loader: an OSGi bundle's loader does not see com.sun.management
            Class<?> type = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean");
            if (!type.isInstance(THREADS)) {
                return null;
            }
            Method m = type.getMethod("getCurrentThreadAllocatedBytes");
            m.invoke(THREADS);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** @return the bytes this thread has allocated so far, or −1 when the JVM does not say */
    static long allocated() {
        if (ALLOCATED == null) {
            return -1;
        }
        try {
            return (long) ALLOCATED.invoke(THREADS);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * @param share the configured share of the maximum heap (0 … 1)
     * @param kept the bytes of the block systems this member keeps already
     * @param bytes the new block system's bytes, or −1 when unknown
     * @param maxHeap the maximum heap in bytes
     * @return whether the member keeps the new block's system
     */
    static boolean keep(double share, long kept, long bytes, long maxHeap) {
        if (share >= 1) {
            return true;
        }
        return bytes >= 0 && kept + bytes <= share * maxHeap;
    }

    /** @param points a block's points per condition @return the bytes of their coordinates */
    static long pointBytes(java.util.Map<String, double[]> points) {
        long n = 0;
        for (double[] p : points.values()) {
            n += p.length;
        }
        return 8 * n;
    }
}
