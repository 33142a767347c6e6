package org.geopinn.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plugin files a host installs itself at start, before any command runs: the jars and
 * {@code .cfg} files of a folder (the home's {@code plugins/} in command mode, a folder given with
 * {@code --plugin}) or a single jar. The same files FileInstall takes from {@code plugins/} in the
 * interactive host: the {@code *.jar} and {@code *.cfg} files directly inside the folder (not in
 * sub-folders), in name order; anything else is left alone.
 *
 * <p>Installing them at start, instead of letting FileInstall find them on its first poll, makes a
 * command deterministic: the plugins start in the same start-level pass as the host's own bundles,
 * and the command waits for them like for any other bundle.
 */
final class PluginFiles {
    private PluginFiles() {
    }

    /**
     * @param source a jar or a folder
     * @return the jars it stands for: itself, or the {@code *.jar} files in the folder by name
     * @throws LaunchException if it does not exist or a folder cannot be read
     */
    static List<Path> jars(Path source) {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        return inFolder(source, ".jar");
    }

    /**
     * @param folder a plugins folder
     * @return its {@code *.cfg} files by name (none when it is a single jar or does not exist)
     */
    static List<Path> configurations(Path folder) {
        return Files.isDirectory(folder) ? inFolder(folder, ".cfg") : List.of();
    }

    private static List<Path> inFolder(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            throw new LaunchException("plugin " + folder + ": no such jar or folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = new ArrayList<>(files
                    .filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted().toList());
            return found;
        } catch (IOException e) {
            throw new LaunchException("cannot read the plugins folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the {@code --plugin PATH} (or {@code --plugin=PATH}) options out of a command line,
     * wherever they stand; they are the launcher's, not the command's.
     *
     * @param args the command line
     * @param plugins receives the paths, resolved against the working directory
     * @return the command line without them
     * @throws LaunchException for {@code --plugin} without a path, or a path that does not exist
     */
    static List<String> extractOptions(List<String> args, List<Path> plugins) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value;
            if (a.equals("--plugin")) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank() || args.get(i + 1).startsWith("--")) {
                    throw new LaunchException("--plugin needs a path: a plugin jar or a folder of plugin jars");
                }
                value = args.get(++i);
            } else if (a.startsWith("--plugin=")) {
                value = a.substring("--plugin=".length());
            } else {
                rest.add(a);
                continue;
            }
            Path p = Path.of(value).toAbsolutePath().normalize();
            if (!Files.isRegularFile(p) && !Files.isDirectory(p)) {
                throw new LaunchException("--plugin " + value + ": no such jar or folder");
            }
            plugins.add(p);
        }
        return rest;
    }
}
