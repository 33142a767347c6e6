package org.geopinn.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
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
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ServiceReference<Problem> problem = FrameworkServices.referenceById(context, Problem.class, id.trim());
            if (problem != null) {
                Problem service = context.getService(problem);
                if (service != null) {
                    return service;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new GeopinnException("declared problem '" + id + "' from " + file + " did not register within "
                + TIMEOUT.toSeconds() + " s; the host's log says what is wrong with it");
    }
}
