package org.geopinn.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code ./geopinn new-plugin problem|optimizer NAME [DIR]}: writes a plugin project to start from
 * — a Maven project with no parent that depends on the Geopinn API (and, for a problem, the problem
 * builder) from the local Maven repository, builds a bundle with {@code mvn -B package}, and whose
 * jar works unchanged when dropped into a host's {@code plugins/} or given with {@code --plugin}.
 */
final class PluginProject {
    /** The kinds of plugin a project can be made for. */
    static final List<String> KINDS = List.of("problem", "optimizer");
    private static final String USAGE = "usage: ./geopinn new-plugin problem|optimizer NAME [DIR]"
            + " (NAME: lower-case letters, digits and '-', starting with a letter; DIR default ./NAME)";

    private PluginProject() {
    }

    /**
     * @param args {@code [kind, name]} or {@code [kind, name, dir]}
     * @param workingDir where DIR is resolved and the default DIR is made
     * @param geopinnVersion the version of the Geopinn artifacts the project depends on
     * @return the project folder written
     * @throws LaunchException for wrong arguments or an existing, non-empty folder (bad input)
     */
    static Path write(List<String> args, Path workingDir, String geopinnVersion) {
        if (args.size() < 2 || args.size() > 3 || !KINDS.contains(args.get(0))) {
            throw new LaunchException(USAGE);
        }
        String kind = args.get(0);
        String name = args.get(1);
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new LaunchException("new-plugin: NAME '" + name + "' is not valid; " + USAGE.substring("usage: ".length()));
        }
        Path dir = workingDir.resolve(args.size() == 3 ? args.get(2) : name).toAbsolutePath().normalize();
        if (Files.exists(dir) && !isEmptyFolder(dir)) {
            throw new LaunchException("new-plugin: " + dir + " exists and is not an empty folder; give another DIR");
        }
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("ID", name);
        vars.put("CLASS", className(name) + (kind.equals("optimizer") ? "Factory" : ""));
        vars.put("PACKAGE", "org.example.geopinn." + name.replace("-", ""));
        vars.put("VERSION", geopinnVersion);
        vars.put("KIND", kind);
        String packagePath = vars.get("PACKAGE").replace('.', '/');
        try {
            Files.createDirectories(dir);
            write(dir.resolve("pom.xml"), PluginTemplates.pom(kind.equals("problem")), vars);
            write(dir.resolve("bnd.bnd"), PluginTemplates.BND, vars);
            write(dir.resolve("README.md"), PluginTemplates.README, vars);
            write(dir.resolve(".gitignore"), "target/\n", vars);
            write(dir.resolve("src/main/java/" + packagePath + "/" + vars.get("CLASS") + ".java"),
                    kind.equals("problem") ? PluginTemplates.PROBLEM : PluginTemplates.OPTIMIZER, vars);
        } catch (IOException e) {
            throw new LaunchException("new-plugin: cannot write " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** @return "my-wave" as "MyWave" */
    static String className(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return Character.isDigit(b.charAt(0)) ? "P" + b : b.toString();
    }

    /**
     * @param hostDir the assembled host
     * @return the version of the Geopinn artifacts this launcher was built with
     */
    static String geopinnVersion(Path hostDir) {
        try (InputStream in = PluginProject.class.getResourceAsStream("/META-INF/maven/org.geopinn/org.geopinn.features/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall back to the host's repository
        }
        Path api = hostDir.resolve("repository/org/geopinn/org.geopinn.api");
        try (Stream<Path> versions = Files.list(api)) {
            return versions.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new LaunchException("new-plugin: no Geopinn API in " + api));
        } catch (IOException e) {
            throw new LaunchException("new-plugin: cannot tell the Geopinn version: no " + api, e);
        }
    }

    private static boolean isEmptyFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path file, String template, Map<String, String> vars) throws IOException {
        String text = template;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            text = text.replace("%" + e.getKey() + "%", e.getValue());
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
