package org.geopinn.linalg;

import java.util.Locale;
import org.geopinn.api.GeopinnException;

/**
 * Which {@link DenseKernels} the optimizers get: the native kernels when a bundle offers them, the
 * pure-Java (EJML-based) ones otherwise. The system property {@value #PROPERTY} ({@code java} or
 * {@code native}) forces either; forcing {@code native} where it is not available is an error
 * rather than a silent slowdown.
 *
 * <p>This is a process-wide registry on purpose: the kernels are a property of the machine, and the
 * optimizers create theirs in constructors, where no service context is at hand. The offering
 * bundle withdraws its provider when it stops, so no class of a stopped bundle stays reachable
 * through new instances.
 */
public final class Kernels {
    /** System property forcing the kernels: {@code java} or {@code native}. */
    public static final String PROPERTY = "geopinn.kernels";
    /** The name of the pure-Java kernels. */
    public static final String JAVA = "java";

    private static KernelsProvider provider;
    private static String unavailable;

    private Kernels() {
    }

    /**
     * Offers faster kernels (replacing any offered before).
     *
     * @param p the provider
     */
    public static synchronized void offer(KernelsProvider p) {
        provider = p;
        unavailable = null;
    }

    /**
     * Withdraws a provider offered before (no effect if another one has replaced it).
     *
     * @param p the provider
     */
    public static synchronized void withdraw(KernelsProvider p) {
        if (provider == p) {
            provider = null;
        }
    }

    /**
     * Records why faster kernels could not be offered, for {@link #describe()} and for the error
     * when they are forced.
     *
     * @param reason one line, e.g. "native: libopenblas could not be loaded (…)"
     */
    public static synchronized void unavailable(String reason) {
        provider = null;
        unavailable = reason;
    }

    /**
     * @return new kernels: the offered ones unless {@value #PROPERTY}{@code =java}, else the Java ones
     * @throws GeopinnException if {@value #PROPERTY} has another value, or names kernels that are not available
     */
    public static DenseKernels create() {
        KernelsProvider p = chosen();
        return p == null ? DenseKernels.ejml() : p.create();
    }

    /** @return one line naming the kernels {@link #create()} returns and why */
    public static synchronized String describe() {
        String forced = forced();
        KernelsProvider p = provider;
        if (JAVA.equals(forced)) {
            return JAVA + " (EJML and Geopinn's Gram kernel; forced by -D" + PROPERTY + "=java"
                    + (p != null ? ", " + p.name() + " available: " + p.description() : "") + ")";
        }
        if (forced != null && (p == null || !p.name().equals(forced))) {
            return "none: -D" + PROPERTY + "=" + forced + " but " + forced + " kernels are not available"
                    + (unavailable != null ? " (" + unavailable + ")" : "");
        }
        if (p != null) {
            return p.name() + " (" + p.description() + ")";
        }
        return JAVA + " (EJML and Geopinn's Gram kernel" + (unavailable != null ? "; " + unavailable : "; no native kernels installed") + ")";
    }

    private static synchronized KernelsProvider chosen() {
        String forced = forced();
        if (JAVA.equals(forced)) {
            return null;
        }
        if (forced != null && (provider == null || !provider.name().equals(forced))) {
            throw new GeopinnException("-D" + PROPERTY + "=" + forced + " but " + forced + " kernels are not available"
                    + (unavailable != null ? ": " + unavailable : " (is the bundle org.geopinn.kernels.native installed?)"));
        }
        return provider;
    }

    /** @return the forced kernels' name, or null when none is forced */
    private static String forced() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            return null;
        }
        String name = v.trim().toLowerCase(Locale.ROOT);
        if (!name.equals(JAVA) && !name.equals("native")) {
            throw new GeopinnException("system property " + PROPERTY + " is '" + v + "'; allowed: java, native");
        }
        return name;
    }
}
