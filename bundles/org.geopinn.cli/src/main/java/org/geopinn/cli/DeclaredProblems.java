package org.geopinn.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Problem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Registers a PDE declared in a properties file (the keys of docs/PROBLEMS.md, "Declared
 * problems") in a running host: the file becomes a factory configuration of the declared-problems
 * component, which registers the problem service; the command waits until it is there. A
 * command-mode host keeps its framework storage in a temporary folder, so the problem does not
 * outlive the run.
 */
final class DeclaredProblems {
    /** The factory PID of the declared-problems component (org.geopinn.problems.declared.ProblemDeclaration). */
    static final String FACTORY_PID = "org.geopinn.problems.declared";
    /** How long the component may take to register the problem. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final BundleContext context;

    /** @param context a bundle context of the host */
    DeclaredProblems(BundleContext context) {
        this.context = context;
    }

    /**
     * @param file a declaration
     * @return the registered problem
     * @throws GeopinnException when the file cannot be read, names no id, or the problem does not
     *         appear (an inconsistent declaration: the host logs why)
     */
    Problem declare(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new GeopinnException("cannot read problem declaration " + file + ": " + e.getMessage());
        }
        String id = p.getProperty("id");
        if (id == null || id.isBlank()) {
            throw new GeopinnException("problem declaration " + file + " has no 'id'");
        }
        Dictionary<String, Object> props = new Hashtable<>();
        p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k).trim()));
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin admin = ref == null ? null : context.getService(ref);
        if (admin == null) {
            throw new GeopinnException("declared problems need Configuration Admin, which this host lacks");
        }
        try {
            Configuration c = admin.getFactoryConfiguration(FACTORY_PID, id.trim(), "?");
            c.update(props);
        } catch (IOException e) {
            throw new GeopinnException("cannot store the declaration of '" + id + "': " + e.getMessage());
        }
        return await(id.trim(), problem -> true, "from " + file);
    }

    /**
     * Re-declares a declared problem with some of its coefficients ({@code coefficient.NAME}) as
     * parametric inputs ({@code parametric.NAME = lo, hi}) and waits for the new problem; a problem
     * written in Java builds itself again ({@link JavaParametric}).
     *
     * @param id the problem's id
     * @param ranges {lo, hi} by coefficient name
     * @return the re-declared problem
     * @throws GeopinnException one line for a problem written in Java that cannot ({@link JavaParametric}), a name that is not a
     *         coefficient of it, an unknown, a geometry domain, or a problem that does not come back
     */
    Problem parametric(String id, Map<String, double[]> ranges) {
        ConfigurationAdmin admin = admin();
        Configuration declared = null;
        try {
            Configuration[] found = admin.listConfigurations("(&(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + FACTORY_PID
                    + ")(id=" + id.replaceAll("[()*\\\\]", "") + "))");
            declared = found == null || found.length == 0 ? null : found[0];
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new GeopinnException("--parametric: cannot look up the declaration of '" + id + "': " + e.getMessage());
        }
        if (declared == null || declared.getProperties() == null) {
            ServiceReference<Problem> java = FrameworkServices.referenceById(context, Problem.class, id);
            if (java == null) {
                throw new GeopinnException("--parametric: there is no problem '" + id + "'");
            }
            return JavaParametric.replace(context, java, id, ranges); // written in Java: it re-builds itself
        }
        Dictionary<String, Object> old = declared.getProperties();
        // In a host FileInstall would write the change back into the file; a command's framework is
        // temporary (the launcher applied the file itself), so there the change lasts one run.
        if (old.get("felix.fileinstall.filename") != null && !"command".equals(context.getProperty("geopinn.mode"))) {
            throw new GeopinnException("--parametric: problem '" + id + "' is declared by " + old.get("felix.fileinstall.filename")
                    + "; add parametric.NAME = LO, HI to that file instead");
        }
        if (old.get("geometry") != null) {
            throw new GeopinnException("--parametric: problem '" + id + "' has a geometry domain; parametric coefficients need a box"
                    + " domain (lower, upper) for now");
        }
        java.util.TreeSet<String> coefficients = new java.util.TreeSet<>();
        Dictionary<String, Object> next = new Hashtable<>();
        for (java.util.Enumeration<String> keys = old.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            next.put(k, old.get(k));
            if (k.startsWith("coefficient.") || k.startsWith("parametric.")) {
                coefficients.add(k.substring(k.indexOf('.') + 1));
            }
        }
        for (Map.Entry<String, double[]> e : ranges.entrySet()) {
            String name = e.getKey();
            if (old.get("unknown." + name) != null) {
                throw new GeopinnException("--parametric: '" + name + "' is an unknown (trained) coefficient of '" + id
                        + "'; a coefficient is either trained or an input, not both");
            }
            if (!coefficients.contains(name)) {
                throw new GeopinnException("--parametric: problem '" + id + "' has no coefficient '" + name + "'; its coefficients: "
                        + (coefficients.isEmpty() ? "none" : String.join(", ", coefficients)));
            }
            next.remove("coefficient." + name);
            next.put("parametric." + name, e.getValue()[0] + ", " + e.getValue()[1]);
        }
        try {
            declared.update(next);
        } catch (IOException e) {
            throw new GeopinnException("--parametric: cannot store the declaration of '" + id + "': " + e.getMessage());
        }
        return await(id, p -> p.domain().variables().containsAll(ranges.keySet()), "re-declared with --parametric");
    }

    private ConfigurationAdmin admin() {
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin admin = ref == null ? null : context.getService(ref);
        if (admin == null) {
            throw new GeopinnException("declared problems need Configuration Admin, which this host lacks");
        }
        return admin;
    }

    private Problem await(String id, java.util.function.Predicate<Problem> ready, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ServiceReference<Problem> problem = FrameworkServices.referenceById(context, Problem.class, id);
            Problem service = problem == null ? null : context.getService(problem);
            if (service != null && ready.test(service)) {
                return service;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new GeopinnException("declared problem '" + id + "' " + what + " did not register within "
                + TIMEOUT.toSeconds() + " s; the host's log says what is wrong with it");
    }
}
