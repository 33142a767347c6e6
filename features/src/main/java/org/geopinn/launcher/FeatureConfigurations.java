package org.geopinn.launcher;

import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.feature.FeatureConfiguration;

/**
 * Hands the configurations of features to Configuration Admin. The launcher does not share the
 * Configuration Admin API with the framework's bundles (its classes live on the launcher's class
 * path only), so it calls the service through reflection, passing only JDK types.
 */
final class FeatureConfigurations {
    static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";

    private FeatureConfigurations() {
    }

    static void apply(BundleContext context, List<HostFeature> features, Consumer<String> problems) {
        if (features.stream().allMatch(f -> f.configurations().isEmpty())) {
            return;
        }
        ServiceReference<?> ref = context.getServiceReference(CONFIGURATION_ADMIN);
        if (ref == null) {
            problems.accept("the features carry configurations but Configuration Admin is not running");
            return;
        }
        Object admin = context.getService(ref);
        try {
            for (HostFeature feature : features) {
                for (FeatureConfiguration c : feature.configurations().values()) {
                    try {
                        update(admin, c);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        problems.accept("configuration " + c.getPid() + " of feature " + feature.name()
                                + " was not applied: " + Host.oneLine(e));
                    }
                }
            }
        } finally {
            context.ungetService(ref);
        }
    }

    private static void update(Object admin, FeatureConfiguration c) throws ReflectiveOperationException {
        String pid = c.getPid();
        if (c.getFactoryPid().isPresent()) {
            update(admin, c.getFactoryPid().get(), pid.substring(pid.indexOf('~') + 1), new Hashtable<>(c.getValues()));
        } else {
            update(admin, null, pid, new Hashtable<>(c.getValues()));
        }
    }

    /**
     * @param admin the Configuration Admin service object
     * @param factoryPid the factory PID, or null for a singleton configuration
     * @param pidOrName the PID, or the name of the factory configuration
     * @param values the properties
     * @throws ReflectiveOperationException if Configuration Admin refuses them
     */
    static void update(Object admin, String factoryPid, String pidOrName, Dictionary<String, Object> values)
            throws ReflectiveOperationException {
        // Call through the public interfaces, loaded by the service's own class loader: the
        // implementation classes need not be public.
        ClassLoader loader = admin.getClass().getClassLoader();
        Class<?> adminApi = loader.loadClass(CONFIGURATION_ADMIN);
        Class<?> configurationApi = loader.loadClass("org.osgi.service.cm.Configuration");
        Object configuration;
        if (factoryPid != null) {
            Method m = adminApi.getMethod("getFactoryConfiguration", String.class, String.class, String.class);
            configuration = m.invoke(admin, factoryPid, pidOrName, "?");
        } else {
            Method m = adminApi.getMethod("getConfiguration", String.class, String.class);
            configuration = m.invoke(admin, pidOrName, "?");
        }
        Method update = configurationApi.getMethod("update", Dictionary.class);
        update.invoke(configuration, values);
    }
}
