package org.geopinn.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Describes a Geopinn host (which features, which launch properties, which framework) and starts
 * it. Used by {@link Main} and by tests that embed a real framework:
 *
 * <pre>{@code
 * try (Host host = HostBuilder.forHost(hostDir).home(home).command(List.of("list")).start()) {
 *     host.awaitStop(Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class HostBuilder {
    /** Launch property: the absolute path of the Geopinn home (where runs/, plugins/, docs/ live). */
    public static final String HOME = "geopinn.home";
    /** Launch property: {@value #MODE_COMMAND} or {@value #MODE_HOST}. */
    public static final String MODE = "geopinn.mode";
    /** Launch property: the command-line arguments joined with {@link #ARG_SEPARATOR}. */
    public static final String ARGS = "geopinn.args";
    /** Launch property: the framework's storage folder (temporary, deleted when the host closes). */
    public static final String STORAGE = "geopinn.storage";
    /** System property the CLI bundle sets before it stops the framework. */
    public static final String EXIT_CODE = "geopinn.exit.code";
    /** Separates arguments in {@link #ARGS}: the unit separator U+001F. */
    public static final char ARG_SEPARATOR = '\u001f';
    /** Mode of a host that runs one command and stops. */
    public static final String MODE_COMMAND = "command";
    /** Mode of an interactive host (shell, plugins/ hot deployment). */
    public static final String MODE_HOST = "host";
    /** The features of a command host. */
    public static final List<String> COMMAND_FEATURES = List.of("core", "optimizers", "problems", "cluster");
    /** The features of an interactive host: a command host, hot deployment from plugins/, the shell. */
    public static final List<String> HOST_FEATURES = List.of("core", "optimizers", "problems", "cluster", "plugins", "shell");

    /** The home's folder of plugins: FileInstall's in the interactive host, installed at start by a command. */
    public static final String PLUGINS = "plugins";

    private static final String FILEINSTALL_DIR = "felix.fileinstall.dir";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private final Path hostDir;
    private Path home = Path.of("").toAbsolutePath();
    private String mode = MODE_COMMAND;
    private List<String> args = List.of();
    private List<String> features = COMMAND_FEATURES;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private FrameworkFactory factory;
    private final List<String> systemExports = new ArrayList<>();
    private final Set<String> providedSymbolicNames = new LinkedHashSet<>();
    private PrintStream report = System.err;
    private final List<Path> extraFeatures = new ArrayList<>();
    private final List<Path> extraRepositories = new ArrayList<>();
    private final List<Path> plugins = new ArrayList<>();

    private HostBuilder(Path hostDir) {
        this.hostDir = hostDir.toAbsolutePath().normalize();
    }

    /**
     * @param hostDir an assembled host: {@code features/*.json} and {@code repository/}
     * @return a builder for a command host with no arguments
     */
    public static HostBuilder forHost(Path hostDir) {
        return new HostBuilder(hostDir);
    }

    /** @param geopinnHome the Geopinn home (runs/, plugins/) @return this */
    public HostBuilder home(Path geopinnHome) {
        this.home = geopinnHome.toAbsolutePath().normalize();
        return this;
    }

    /**
     * A host that runs one command of the CLI bundle and stops: the {@link #COMMAND_FEATURES}.
     *
     * @param commandArgs the command line, e.g. {@code [solve, laplace2d]}
     * @return this
     */
    public HostBuilder command(List<String> commandArgs) {
        this.mode = MODE_COMMAND;
        this.args = List.copyOf(commandArgs);
        this.features = COMMAND_FEATURES;
        return this;
    }

    /** @return this, as an interactive host: the {@link #HOST_FEATURES} (shell, FileInstall on plugins/) */
    public HostBuilder interactive() {
        this.mode = MODE_HOST;
        this.args = List.of(MODE_HOST);
        this.features = HOST_FEATURES;
        return this;
    }

    /** @param names the features to install, replacing those of the mode @return this */
    public HostBuilder features(List<String> names) {
        this.features = List.copyOf(names);
        return this;
    }

    /**
     * Adds a feature document from outside the host (e.g. a site's own plugins with their
     * configurations), installed after the features of the mode.
     *
     * @param file the feature's JSON file
     * @return this
     */
    public HostBuilder feature(Path file) {
        extraFeatures.add(file.toAbsolutePath());
        return this;
    }

    /**
     * @param root a Maven-layout folder searched for bundles after the host's repository and
     *        before the local Maven repository
     * @return this
     */
    public HostBuilder repository(Path root) {
        extraRepositories.add(root.toAbsolutePath());
        return this;
    }

    /**
     * Adds a plugin the launcher installs and starts with the host's own bundles (in either mode),
     * before any command runs. A plugin that is not a bundle, does not resolve or does not start is
     * reported on one line naming the jar, and the host goes on without it.
     *
     * @param jarOrFolder a plugin jar, or a folder whose {@code *.jar} files are plugins (its
     *        {@code *.cfg} files go to Configuration Admin, as FileInstall would do)
     * @return this
     */
    public HostBuilder plugin(Path jarOrFolder) {
        plugins.add(jarOrFolder.toAbsolutePath().normalize());
        return this;
    }

    /** @param key a framework launch property @param value its value (overrides the features') @return this */
    public HostBuilder property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** @param frameworkFactory the framework to start (default: the first found by ServiceLoader) @return this */
    public HostBuilder frameworkFactory(FrameworkFactory frameworkFactory) {
        this.factory = frameworkFactory;
        return this;
    }

    /** @param out where one-line problems (bundles that do not install or start) are printed @return this */
    public HostBuilder reportTo(PrintStream out) {
        this.report = out;
        return this;
    }

    /**
     * Lets the caller's class path provide a bundle instead of the framework: the bundle's exported
     * packages are exported by the system bundle and the bundle itself is not installed. Tests use
     * this for the API bundle, so that they and the bundles in the framework share the API classes.
     *
     * @param bundle the bundle's jar or classes folder on the caller's class path
     * @return this
     * @throws LaunchException if it has no OSGi manifest
     */
    public HostBuilder provideFromClassPath(Path bundle) {
        Manifest manifest = readManifest(bundle);
        String bsn = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        String exports = manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        if (bsn == null || exports == null) {
            throw new LaunchException(bundle + " is not a bundle exporting packages");
        }
        providedSymbolicNames.add(bsn.split(";")[0].trim());
        systemExports.add(exports);
        return this;
    }

    /**
     * Starts the framework with the bundles of the features. Bundles that fail to install or start
     * are reported (one line each) and skipped; the host keeps running.
     *
     * @return the running host
     * @throws LaunchException if a feature cannot be read or the framework cannot start
     */
    public Host start() {
        List<HostFeature> read = new ArrayList<>();
        features.forEach(n -> read.add(HostFeature.read(hostDir.resolve("features"), n)));
        extraFeatures.forEach(f -> read.add(HostFeature.read(f)));
        List<Path> sources = new ArrayList<>();
        boolean watched = properties.containsKey(FILEINSTALL_DIR)
                || read.stream().anyMatch(feature -> feature.launchProperties().containsKey(FILEINSTALL_DIR));
        if (!watched && Files.isDirectory(home.resolve(PLUGINS))) {
            // Without FileInstall (a command host) the home's plugins/ is installed at start,
            // before the command runs.
            sources.add(home.resolve(PLUGINS));
        }
        sources.addAll(plugins);
        List<Path> jars = new ArrayList<>();
        List<Path> configurations = new ArrayList<>();
        for (Path source : sources) {
            jars.addAll(PluginFiles.jars(source));
            configurations.addAll(PluginFiles.configurations(source));
        }
        Path storage;
        try {
            storage = Files.createTempDirectory("geopinn-osgi-");
        } catch (IOException e) {
            throw new LaunchException("cannot create the framework's storage folder: " + e.getMessage(), e);
        }
        Map<String, String> launch = launchProperties(read, storage);
        createWatchedFolder(launch.get(FILEINSTALL_DIR));
        FrameworkFactory f = factory != null ? factory
                : ServiceLoader.load(FrameworkFactory.class, HostBuilder.class.getClassLoader()).findFirst()
                        .orElseThrow(() -> new LaunchException("no OSGi framework on the launcher's class path"));
        return Host.launch(f, launch, storage, home, read, BundleRepository.forHost(hostDir, extraRepositories),
                providedSymbolicNames, report, jars, configurations);
    }

    private Map<String, String> launchProperties(List<HostFeature> read, Path storage) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(HOME, home.toString());
        p.put(MODE, mode);
        p.put(ARGS, String.join(String.valueOf(ARG_SEPARATOR), args));
        p.put(STORAGE, storage.toString());
        // Felix would print a stack trace for each bundle that fails to start; the launcher reports
        // those on one line, and the framework's other errors reach the console through the log.
        p.put("felix.log.level", "0");
        if (!systemExports.isEmpty()) {
            p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", systemExports));
        }
        Map<String, String> fromFeatures = new LinkedHashMap<>();
        read.forEach(feature -> fromFeatures.putAll(feature.launchProperties()));
        fromFeatures.forEach((k, v) -> p.put(k, substitute(v, p)));
        p.putAll(properties);
        return p;
    }

    /** FileInstall only watches a folder that exists: make {@code plugins/} on the first start. */
    private static void createWatchedFolder(String dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
        } catch (IOException e) {
            throw new LaunchException("cannot create the plugins folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code ${name}} by the launch property or system property of that name. */
    static String substitute(String value, Map<String, String> known) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = known.containsKey(name) ? known.get(name) : System.getProperty(name);
            if (v == null) {
                throw new LaunchException("launch property value '" + value + "' uses ${" + name + "}, which is not defined");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** @param bundle a jar or a classes folder @return its manifest */
    static Manifest readManifest(Path bundle) {
        try {
            if (Files.isDirectory(bundle)) {
                try (InputStream in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(bundle.toFile())) {
                Manifest m = jar.getManifest();
                if (m == null) {
                    throw new LaunchException(bundle + " has no manifest");
                }
                return m;
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read the manifest of " + bundle + ": " + e.getMessage(), e);
        }
    }
}
