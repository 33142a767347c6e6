package org.geopinn.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.osgi.service.feature.FeatureExtension;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/**
 * One feature document of a host ({@code features/NAME.json}), read with the OSGi Feature Service
 * implementation of Apache Felix: the bundles it names, its configurations, and the framework launch
 * properties of its {@code framework-launching-properties} JSON extension.
 */
public final class HostFeature {
    /** The name of the extension holding framework launch properties (a JSON object of strings). */
    public static final String LAUNCH_PROPERTIES = "framework-launching-properties";

    private final String name;
    private final Feature feature;

    private HostFeature(String name, Feature feature) {
        this.name = name;
        this.feature = feature;
    }

    /**
     * @param featuresDir the folder of feature documents
     * @param name a feature name, e.g. {@code core} (the file {@code core.json})
     * @return the feature
     * @throws LaunchException if the file is missing or is not a valid feature document
     */
    public static HostFeature read(Path featuresDir, String name) {
        Path file = featuresDir.resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new LaunchException("feature '" + name + "' not found: no " + file);
        }
        return read(file);
    }

    /**
     * @param file a feature document anywhere, e.g. {@code my-plugins.json}
     * @return the feature, named after the file
     * @throws LaunchException if the file is missing or is not a valid feature document
     */
    public static HostFeature read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (!Files.isRegularFile(file)) {
            throw new LaunchException("feature file " + file + " not found");
        }
        // The JSON provider is found through the context class loader: make it the launcher's own,
        // so that an embedding program with another JSON provider on its class path does not interfere.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HostFeature.class.getClassLoader());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new HostFeature(name, featureService().readFeature(reader));
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("feature file " + file + " is not a valid feature document: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static FeatureService featureService() {
        return ServiceLoader.load(FeatureService.class, HostFeature.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi FeatureService implementation on the launcher's class path"));
    }

    /** @return the feature's short name (its file name without {@code .json}) */
    public String name() {
        return name;
    }

    /** @return the feature's id, e.g. {@code org.geopinn:org.geopinn.features:osgifeature:core:0.1.0} */
    public ID id() {
        return feature.getID();
    }

    /** @return the ids of the bundles, in the order the feature lists them */
    public List<ID> bundles() {
        return feature.getBundles().stream().map(FeatureBundle::getID).toList();
    }

    /** @return the configurations by PID */
    public Map<String, FeatureConfiguration> configurations() {
        return feature.getConfigurations();
    }

    /**
     * @return the framework launch properties the feature asks for (values may hold
     *         {@code ${name}} placeholders for other launch properties)
     */
    public Map<String, String> launchProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        FeatureExtension extension = feature.getExtensions().get(LAUNCH_PROPERTIES);
        if (extension == null) {
            return properties;
        }
        if (extension.getType() != FeatureExtension.Type.JSON) {
            throw new LaunchException("feature '" + name + "': extension " + LAUNCH_PROPERTIES + " must be of type json");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HostFeature.class.getClassLoader());
        try (JsonReader reader = Json.createReader(new StringReader(extension.getJSON()))) {
            JsonObject json = reader.readObject();
            for (Map.Entry<String, JsonValue> e : json.entrySet()) {
                JsonValue v = e.getValue();
                properties.put(e.getKey(), v instanceof JsonString s ? s.getString() : v.toString());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return properties;
    }
}
