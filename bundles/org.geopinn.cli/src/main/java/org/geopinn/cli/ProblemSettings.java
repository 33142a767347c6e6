package org.geopinn.cli;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Optional;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Problem;
import org.geopinn.settings.SettingDefinition;
import org.geopinn.settings.SettingsDescription;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A problem's configuration (its coefficients, e.g. the coupling γ of {@code thermoelastic1d}),
 * set from the command line as {@code --problem-config gamma=10,kappa=2}. A problem service names
 * its Configuration Admin PID in {@value #CONFIG_PID}; the values are checked once against the
 * problem's metatype description (names, types, ranges: {@link SettingsDescription}), written to Configuration Admin, and the command waits until
 * Declarative Services has re-created the problem with them. A command-mode host keeps its
 * framework storage in a temporary folder, so a setting does not outlive the run.
 */
final class ProblemSettings {
    /** Service property of a problem: the PID of its configuration. */
    static final String CONFIG_PID = "geopinn.config.pid";
    /** How long Declarative Services may take to re-create a reconfigured problem. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Set by FileInstall on configurations it read from a file, which it writes back on change. */
    private static final String FILEINSTALL_FILE = "felix.fileinstall.filename";
    /** Properties Configuration Admin and FileInstall add that are no settings of the problem. */
    private static final Set<String> NOT_SETTINGS = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, FILEINSTALL_FILE);

    private final BundleContext context;

    /** @param context a bundle context of the host */
    ProblemSettings(BundleContext context) {
        this.context = context;
    }

    /**
     * @param text {@code NAME=VALUE} pairs separated by commas
     * @return the pairs in their order
     * @throws GeopinnException for a pair without {@code =} or a name given twice
     */
    static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? "" : pair.substring(0, eq).trim();
            if (name.isEmpty() || pair.substring(eq + 1).isBlank()) {
                throw new GeopinnException("--problem-config: '" + pair.trim() + "' is not NAME=VALUE (e.g. gamma=10)");
            }
            if (m.put(name, pair.substring(eq + 1).trim()) != null) {
                throw new GeopinnException("--problem-config: '" + name + "' is given twice");
            }
        }
        return m;
    }

    /**
     * @param problemId a problem id
     * @return the problem's configured values (none when it runs on its defaults), by name
     */
    Map<String, String> current(String problemId) {
        ServiceReference<Problem> ref = reference(problemId);
        String pid = ref == null ? null : (String) ref.getProperty(CONFIG_PID);
        Dictionary<String, Object> props = pid == null ? null : properties(pid);
        Map<String, String> m = new TreeMap<>();
        if (props != null) {
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                if (!NOT_SETTINGS.contains(k) && !k.startsWith(".")) {
                    m.put(k, String.valueOf(props.get(k)));
                }
            }
        }
        return m;
    }

    /**
     * The configured values among a problem's effective values (the properties a session recorded:
     * Declarative Services mixes the declared defaults and other properties in): only its settings,
     * and only where they differ from the declared default.
     *
     * @param problemId a problem id
     * @param effective values by name, as text
     * @return the values that are settings of the problem and not at their defaults, sorted by name
     */
    Map<String, String> configured(String problemId, Map<String, String> effective) {
        ServiceReference<Problem> ref = reference(problemId);
        Object pid = ref == null ? null : ref.getProperty(CONFIG_PID);
        Optional<SettingsDescription> d = pid == null ? Optional.empty() : description(ref, pid.toString());
        Map<String, String> m = new TreeMap<>();
        effective.forEach((k, v) -> {
            Optional<SettingDefinition> s = d.flatMap(x -> x.setting(k));
            boolean atDefault = s.map(x -> sameText(v, x.defaultValue())).orElse(false);
            if (!atDefault && (s.isPresent() || d.isEmpty() && !k.startsWith("osgi."))) {
                m.put(k, v);
            }
        });
        return m;
    }

    private static boolean sameText(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        try {
            return Double.parseDouble(a.trim()) == Double.parseDouble(b.trim());
        } catch (NumberFormatException e) {
            return a.trim().equalsIgnoreCase(b.trim());
        }
    }

    /**
     * Gives a problem these settings (on top of its current configuration) and waits until the
     * re-created problem carries them.
     *
     * @param problemId a problem id
     * @param settings values by setting name, as text
     * @return the problem with its new configuration
     * @throws GeopinnException for an unknown problem or setting, a value of the wrong type, a
     *         problem configured by a file in plugins/, or a problem that does not come back
     */
    Problem apply(String problemId, Map<String, String> settings) {
        ServiceReference<Problem> ref = reference(problemId);
        if (ref == null) {
            throw new GeopinnException("unknown problem '" + problemId + "'; see ./geopinn list");
        }
        String pid = (String) ref.getProperty(CONFIG_PID);
        if (pid == null) {
            throw new GeopinnException("--problem-config: problem '" + problemId + "' has no settings");
        }
        Map<String, Object> typed = typed(problemId, ref, pid, settings);
        if (carries(ref, typed)) {
            return context.getService(ref);
        }
        Dictionary<String, Object> old = properties(pid);
        if (old != null && old.get(FILEINSTALL_FILE) != null) {
            throw new GeopinnException("--problem-config: problem '" + problemId + "' is configured by " + old.get(FILEINSTALL_FILE)
                    + "; change that file instead");
        }
        Dictionary<String, Object> next = new Hashtable<>();
        if (old != null) {
            for (Enumeration<String> keys = old.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                next.put(k, old.get(k));
            }
        }
        typed.forEach(next::put);
        try {
            configurationAdmin().getConfiguration(pid, "?").update(next);
        } catch (IOException e) {
            throw new GeopinnException("--problem-config: cannot store the configuration of '" + problemId + "': " + e.getMessage());
        }
        return await(problemId, typed);
    }

    /**
     * @return the settings checked and converted by the problem's metatype description (its
     *         {@code @ObjectClassDefinition}: types, ranges, choices), one line for the first bad one
     */
    private Map<String, Object> typed(String problemId, ServiceReference<Problem> ref, String pid, Map<String, String> settings) {
        SettingsDescription d = description(ref, pid).orElseThrow(() -> new GeopinnException(
                "--problem-config: problem '" + problemId + "' has no description of its settings (" + pid + ")"));
        Map<String, Object> typed = new LinkedHashMap<>();
        settings.forEach((name, text) -> {
            SettingDefinition s = d.setting(name).orElseThrow(() -> new GeopinnException("--problem-config: problem '" + problemId
                    + "' has no setting '" + name + "'; its settings: " + String.join(", ", d.names())));
            Object v = s.check(text, problemId);
            // Configuration Admin keeps the type Declarative Services converts from: whole numbers as the declared type
            typed.put(s.id(), v instanceof Long l && s.type().equals("Integer") ? (Object) l.intValue() : v);
        });
        return typed;
    }

    /**
     * @param ref a service reference
     * @param pid the configuration PID of the component behind it
     * @return the settings description designated to that PID in the service's bundle
     */
    static Optional<SettingsDescription> description(ServiceReference<?> ref, String pid) {
        Bundle b = ref.getBundle();
        Enumeration<URL> files = b == null ? null : b.findEntries(SettingsDescription.FOLDER, "*.xml", false);
        return files == null ? Optional.empty() : SettingsDescription.forPid(Collections.list(files), pid);
    }

    /** Polls until a problem service with this id carries the values (DS re-creates it asynchronously). */
    private Problem await(String problemId, Map<String, Object> typed) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ServiceReference<Problem> ref = reference(problemId);
            // the engine too must have the re-created problem, or a session started now would not find it
            if (ref != null && carries(ref, typed) && engineKnows(problemId)) {
                Problem p = context.getService(ref);
                if (p != null) {
                    return p;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new GeopinnException("--problem-config: problem '" + problemId + "' did not come back with " + typed
                + " within " + TIMEOUT.toSeconds() + " s (does it accept these values? see the host log)");
    }

    private boolean engineKnows(String problemId) {
        org.geopinn.api.session.Catalog catalog = optionalService(org.geopinn.api.session.Catalog.class);
        return catalog == null || catalog.entries().getOrDefault("problems", java.util.List.of()).stream()
                .anyMatch(e -> e.id().equals(problemId));
    }

    private static boolean carries(ServiceReference<Problem> ref, Map<String, Object> typed) {
        return typed.entrySet().stream().allMatch(e -> same(e.getValue(), ref.getProperty(e.getKey())));
    }

    /** A value read from a .cfg file is text: 10 and "10" are the same setting. */
    private static boolean same(Object value, Object property) {
        if (property == null) {
            return false;
        }
        if (value instanceof Number n && !(property instanceof Number)) {
            try {
                return n.doubleValue() == Double.parseDouble(property.toString().trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return value instanceof Number n && property instanceof Number m ? n.doubleValue() == m.doubleValue()
                : value.toString().equalsIgnoreCase(property.toString().trim());
    }

    private Dictionary<String, Object> properties(String pid) {
        try {
            Configuration[] found = configurationAdmin().listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            throw new GeopinnException("cannot read the configuration " + pid + ": " + e.getMessage());
        }
    }

    private ServiceReference<Problem> reference(String problemId) {
        return FrameworkServices.referenceById(context, Problem.class, problemId);
    }

    private ConfigurationAdmin configurationAdmin() {
        ConfigurationAdmin ca = optionalService(ConfigurationAdmin.class);
        if (ca == null) {
            throw new GeopinnException("--problem-config needs Configuration Admin, which this host does not run");
        }
        return ca;
    }

    private <T> T optionalService(Class<T> kind) {
        ServiceReference<T> ref = context.getServiceReference(kind);
        return ref == null ? null : context.getService(ref);
    }
}
