package org.geopinn.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.feature.ID;

/**
 * Finds the jar of a bundle named in a feature in Maven-layout folders: the host's own
 * {@code repository/} first (filled by the features module's build), then the local Maven
 * repository.
 */
public final class BundleRepository {
    private final List<Path> roots;

    /** @param roots Maven-layout folders, searched in order */
    public BundleRepository(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * @param hostDir the assembled host
     * @return a repository searching {@code hostDir/repository}, then {@code ~/.m2/repository}
     */
    public static BundleRepository forHost(Path hostDir) {
        return forHost(hostDir, List.of());
    }

    /**
     * @param hostDir the assembled host
     * @param extra more Maven-layout folders, searched after the host's own
     * @return a repository searching {@code hostDir/repository}, the extra folders, then {@code ~/.m2/repository}
     */
    public static BundleRepository forHost(Path hostDir, List<Path> extra) {
        Path local = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        List<Path> roots = new ArrayList<>();
        roots.add(hostDir.resolve("repository"));
        roots.addAll(extra);
        roots.add(local);
        return new BundleRepository(roots);
    }

    /**
     * @param id a bundle id {@code groupId:artifactId[:type[:classifier]]:version}
     * @return the jar
     * @throws LaunchException naming the folders searched, if none has it
     */
    public Path locate(ID id) {
        return find(id).orElseThrow(() -> new LaunchException("bundle " + id + " is in none of " + roots
                + " (rebuild the host: mvn -B -q install -DskipTests)"));
    }

    /** @param id a bundle id @return the jar, if a folder has it */
    public Optional<Path> find(ID id) {
        String file = id.getArtifactId() + "-" + id.getVersion()
                + id.getClassifier().map(c -> "-" + c).orElse("") + "." + id.getType().orElse("jar");
        for (Path root : roots) {
            Path jar = root.resolve(id.getGroupId().replace('.', '/')).resolve(id.getArtifactId())
                    .resolve(id.getVersion()).resolve(file);
            if (Files.isRegularFile(jar)) {
                return Optional.of(jar);
            }
        }
        return Optional.empty();
    }
}
