package org.geopinn.shell;

import java.io.File;
import java.io.IOException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Claims the files in plugins/ that FileInstall would otherwise skip without a word: jars that are
 * not OSGi bundles (no Bundle-SymbolicName) and files that are not jars at all. Each is reported
 * once, as an error that says what is wrong and what to drop instead, and left alone.
 */
@Component
public class PlainJarReporter implements ArtifactInstaller {
    @Reference(service = LoggerFactory.class)
    private Logger log;

    @Override
    public boolean canHandle(File artifact) {
        String name = artifact.getName();
        if (name.endsWith(".cfg") || name.endsWith(".config") || artifact.isDirectory()) {
            return false; // configurations belong to FileInstall's own installer
        }
        return problem(artifact) != null;
    }

    @Override
    public void install(File artifact) {
        log.error("plugins/{} is ignored: {}", artifact.getName(), problem(artifact));
    }

    @Override
    public void update(File artifact) {
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        log.info("plugins/{} was removed", artifact.getName());
    }

    /** @return what makes the file unusable as a plugin, or null if it is a bundle */
    static String problem(File artifact) {
        try (JarFile jar = new JarFile(artifact)) {
            Manifest m = jar.getManifest();
            if (m == null || m.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return "it is a jar but not an OSGi bundle (its manifest has no Bundle-SymbolicName);"
                        + " build plugins with bnd against the Geopinn API (see examples/pde-plugin)";
            }
            return null;
        } catch (IOException e) {
            return "it is neither a bundle jar nor a .cfg/.config file";
        }
    }
}
