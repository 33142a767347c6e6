package org.geopinn.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;

/**
 * {@code java -jar geopinn-launcher.jar ARGS…}: starts a Geopinn host and exits with the command's
 * exit code. {@code host} starts the interactive host (shell, plugins/); any other arguments are a
 * command for the CLI bundle, which sets the system property {@value HostBuilder#EXIT_CODE} and
 * stops the framework when it is done. A command host installs the jars of the home's
 * {@code plugins/} at start; {@code --plugin PATH} (a jar or a folder of jars, repeatable, anywhere
 * on the line) adds more in either mode. The interactive host serves the dashboard; a command gets
 * it with {@code --dashboard} (see {@link DashboardOptions}).
 */
public final class Main {
    private static final String CLI_BUNDLE = "org.geopinn.cli";
    private static final String NEW_PLUGIN = "new-plugin";
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private Main() {
    }

    /** @param args the command line */
    /**
     * The problems bundle's log (java.util.logging, through System.Logger): the host reports every problem a
     * declaration file registers, which tells a user of the interactive host that a dropped file was taken; a
     * command runs the one problem it names, so there a line per declared problem is noise and only the
     * warnings and errors (a declaration refused, and why) are printed. Held here: JUL keeps loggers weakly.
     */
    private static final Logger PROBLEM_REGISTRATIONS = Logger.getLogger("org.geopinn.problems");

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    /**
     * @param args the command line
     * @return the process exit code
     */
    static int run(List<String> commandLine) {
        List<Path> plugins = new ArrayList<>();
        DashboardOptions dashboard = new DashboardOptions();
        List<String> args;
        try {
            args = DashboardOptions.extract(PluginFiles.extractOptions(commandLine, plugins), dashboard);
        } catch (LaunchException e) {
            System.err.println("geopinn: " + e.getMessage());
            return 2;
        }
        Path launcherDir = launcherDir();
        if (!args.isEmpty() && args.get(0).equals(NEW_PLUGIN)) {
            return newPlugin(args.subList(1, args.size()), hostDir(launcherDir));
        }
        boolean interactive = args.size() == 1 && args.get(0).equals(HostBuilder.MODE_HOST);
        HostBuilder builder = HostBuilder.forHost(hostDir(launcherDir)).home(home(launcherDir));
        plugins.forEach(builder::plugin);
        if (interactive) {
            builder.interactive();
        } else {
            builder.command(args);
            PROBLEM_REGISTRATIONS.setLevel(Level.WARNING);
        }
        if (interactive || dashboard.wanted()) {
            List<String> features = new ArrayList<>(interactive ? HostBuilder.HOST_FEATURES : HostBuilder.COMMAND_FEATURES);
            features.add(DashboardOptions.FEATURE);
            builder.features(features);
            dashboard.properties().forEach(builder::property);
        }
        System.clearProperty(HostBuilder.EXIT_CODE);
        Host host;
        try {
            host = builder.start();
        } catch (LaunchException e) {
            System.err.println("geopinn: " + e.getMessage());
            return 1;
        }
        if (!interactive && !isActive(host, CLI_BUNDLE)) {
            System.err.println("geopinn: the command bundle " + CLI_BUNDLE + " is not running, so no command can run");
            host.close();
            return 1;
        }
        Thread hook = new Thread(() -> stopOnSignal(host, interactive), "geopinn-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            host.awaitStop(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            Host.deleteTree(host.storage());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs anyway.
        }
        return exitCode(interactive);
    }

    /** {@code new-plugin problem|optimizer NAME [DIR]}: needs no framework. */
    private static int newPlugin(List<String> args, Path hostDir) {
        try {
            Path dir = PluginProject.write(args, Path.of("").toAbsolutePath(), PluginProject.geopinnVersion(hostDir));
            System.out.println("geopinn: wrote " + (args.get(0).equals("optimizer") ? "an " : "a ") + args.get(0) + " plugin project in " + dir);
            System.out.println("  build it:  cd " + dir + " && mvn -B package");
            System.out.println("  use it:    ./geopinn list --plugin " + dir.resolve("target") + "   (or copy the jar into plugins/)");
            return 0;
        } catch (LaunchException e) {
            System.err.println("geopinn: " + e.getMessage());
            return 2;
        }
    }

    private static boolean isActive(Host host, String symbolicName) {
        for (Bundle b : host.context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                return true;
            }
        }
        return false;
    }

    private static int exitCode(boolean interactive) {
        String code = System.getProperty(HostBuilder.EXIT_CODE);
        if (code == null) {
            if (interactive) {
                return 0;
            }
            System.err.println("geopinn: no command handler ran (the org.geopinn.cli bundle did not start or did not finish)");
            return 1;
        }
        try {
            return Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            System.err.println("geopinn: the command handler set " + HostBuilder.EXIT_CODE + " to '" + code + "', not a number");
            return 1;
        }
    }

    /**
     * Ctrl-C or SIGTERM: a command in progress (a solve, an evolve) is wound down by its own hook,
     * and the CLI bundle stops the framework when its results are written; give it up to 30 s,
     * then stop the framework. With no command and no training session running there is nothing
     * to wait for. The process then exits with 128 + the signal number (130, 143).
     */
    private static void stopOnSignal(Host host, boolean interactive) {
        try {
            boolean commandRunning = System.getProperty(HostBuilder.EXIT_CODE) == null;
            if (!interactive && (commandRunning || RunningSessions.any(host.context()))) {
                host.awaitStop(SHUTDOWN_TIMEOUT);
            }
            if (host.isRunning()) {
                host.close();
            }
        } catch (InterruptedException | RuntimeException e) {
            // The JVM is going down; nothing more to do.
        } finally {
            // The main thread may not get to its own clean-up before the JVM halts.
            Host.deleteTree(host.storage());
        }
    }

    /** @return the folder of the launcher jar (or classes folder) */
    private static Path launcherDir() {
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(location) ? location : location.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** The assembled host: -Dgeopinn.host, else the launcher's folder if it holds features/. */
    private static Path hostDir(Path launcherDir) {
        String explicit = System.getProperty("geopinn.host");
        if (explicit != null) {
            return Path.of(explicit);
        }
        if (Files.isDirectory(launcherDir.resolve("features"))) {
            return launcherDir;
        }
        return home(launcherDir).resolve("features/target/host");
    }

    /**
     * The Geopinn home: -Dgeopinn.home, else $GEOPINN_HOME, else the repository root when the
     * launcher runs from {@code features/target/host}, else the working directory.
     */
    private static Path home(Path launcherDir) {
        String explicit = System.getProperty(HostBuilder.HOME, System.getenv("GEOPINN_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        Path p = launcherDir.toAbsolutePath().normalize();
        if (p.endsWith(Path.of("features", "target", "host"))) {
            return p.getParent().getParent().getParent();
        }
        return Path.of("").toAbsolutePath();
    }
}
