package org.geopinn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./geopinn new-plugin} writes today exactly the projects kept in examples/generated, which
 * the reactor builds with their own poms (no parent) and the integration tests hot-load: so what
 * the generator writes builds and loads unchanged. Regenerate them when the templates change:
 * {@code ./geopinn new-plugin problem sine-problem examples/generated/sine-problem} and
 * {@code ./geopinn new-plugin optimizer momentum examples/generated/momentum}.
 */
class PluginProjectTest {
    private static final Path GENERATED = Path.of("..", "examples", "generated");

    @Test
    void theGeneratorWritesTheProjectsTheReactorBuilds(@TempDir Path work) throws IOException {
        String version = PluginProject.geopinnVersion(Path.of("target", "host"));
        for (List<String> args : List.of(List.of("problem", "sine-problem"), List.of("optimizer", "momentum"))) {
            Path written = PluginProject.write(args, work, version);
            Path kept = GENERATED.resolve(args.get(1));
            assertEquals(files(kept), files(written), "the files of " + kept);
            for (String f : files(written)) {
                assertEquals(Files.readString(kept.resolve(f)), Files.readString(written.resolve(f)),
                        kept.resolve(f) + " differs from what new-plugin writes; regenerate it");
            }
        }
    }

    @Test
    void badArgumentsAndAnOccupiedFolderAreRefusedWithTheUsage(@TempDir Path work) throws IOException {
        LaunchException kind = assertThrows(LaunchException.class, () -> PluginProject.write(List.of("sampler", "x"), work, "1"));
        assertTrue(kind.getMessage().startsWith("usage: ./geopinn new-plugin problem|optimizer NAME [DIR]"), kind.getMessage());
        LaunchException name = assertThrows(LaunchException.class, () -> PluginProject.write(List.of("problem", "My_Pde"), work, "1"));
        assertTrue(name.getMessage().contains("NAME 'My_Pde' is not valid"), name.getMessage());
        Files.writeString(Files.createDirectories(work.resolve("taken")).resolve("x.txt"), "");
        LaunchException taken = assertThrows(LaunchException.class, () -> PluginProject.write(List.of("problem", "taken"), work, "1"));
        assertTrue(taken.getMessage().contains("exists and is not an empty folder"), taken.getMessage());
        assertEquals("MyWave2d", PluginProject.className("my-wave2d"));
    }

    private static List<String> files(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> !p.startsWith("target")).sorted(Comparator.naturalOrder()).forEach(out::add);
        }
        return out;
    }
}
