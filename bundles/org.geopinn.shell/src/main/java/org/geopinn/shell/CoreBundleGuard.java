package org.geopinn.shell;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Keeps FileInstall away from the bundles the host's features installed. FileInstall treats a jar
 * in plugins/ whose Bundle-SymbolicName and version equal an installed bundle's as an update of
 * that bundle, and deleting the jar then uninstalls it: a copy of a core jar (say the Adam
 * optimizer) dropped into plugins/ and removed again would silently remove the core bundle. This
 * installer claims such jars before FileInstall's own bundle handling sees them: a jar with the
 * symbolic name of a bundle that was not installed from plugins/ (a core bundle, at any version),
 * or with the symbolic name and version of a bundle installed from another file in plugins/, is
 * refused with one line and never installed, and its removal touches nothing.
 *
 * <p>FileInstall asks its installers in turn before its own bundle handling, and scans plugins/
 * when it starts; the {@code plugins} feature therefore lists this bundle before FileInstall, so
 * that this guard is registered before the first scan.
 */
@Component
public class CoreBundleGuard implements ArtifactInstaller {
    @Reference(service = LoggerFactory.class)
    private Logger log;
    private BundleContext context;

    /** @param bundleContext this bundle's context, to see the installed bundles */
    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public boolean canHandle(File artifact) {
        String name = artifact.getName();
        if (name.endsWith(".cfg") || name.endsWith(".config") || artifact.isDirectory()) {
            return false;
        }
        return clash(artifact) != null;
    }

    @Override
    public void install(File artifact) {
        String clash = clash(artifact);
        log.error("plugins/{} is refused: {}", artifact.getName(), clash == null ? "it duplicates an installed bundle" : clash);
    }

    @Override
    public void update(File artifact) {
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        // A warning, so that the console shows it: the user learns that the core bundle stays.
        log.warn("plugins/{} was removed; it had been refused, so no bundle changes", artifact.getName());
    }

    /** @return why the jar must not be installed, or null when FileInstall may handle it */
    String clash(File artifact) {
        Manifest manifest;
        try (JarFile jar = new JarFile(artifact)) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            return null; // not a jar: PlainJarReporter's business
        }
        String header = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (header == null) {
            return null;
        }
        String bsn = header.split(";")[0].trim();
        Version version = version(manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION));
        Path self = artifact.toPath().toAbsolutePath().normalize();
        Path plugins = self.getParent();
        for (Bundle b : context.getBundles()) {
            if (!bsn.equals(b.getSymbolicName())) {
                continue;
            }
            Path location = path(b.getLocation());
            if (self.equals(location)) {
                return null; // this very file's bundle: FileInstall's own
            }
            if (location == null || !location.startsWith(plugins)) {
                return "the host's features installed bundle " + bsn + " " + b.getVersion()
                        + " (from " + b.getLocation() + "), and a plugin must not replace or duplicate a core bundle;"
                        + " give the plugin its own Bundle-SymbolicName";
            }
            if (b.getVersion().equals(version)) {
                return "it is bundle " + bsn + " " + version + ", which plugins/" + location.getFileName()
                        + " already provides; keep one of the two files";
            }
        }
        return null;
    }

    private static Version version(String text) {
        try {
            return text == null ? Version.emptyVersion : Version.parseVersion(text.trim());
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    /** @return the file a bundle location names, or null for other locations */
    private static Path path(String location) {
        try {
            URI uri = new URI(location);
            return "file".equals(uri.getScheme()) ? Path.of(uri).toAbsolutePath().normalize() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
