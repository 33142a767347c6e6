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
    private static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";

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
        // Call through the public interfaces, loaded by the service's own class loader: the
        // implementation classes need not be public.
        ClassLoader loader = admin.getClass().getClassLoader();
        Class<?> adminApi = loader.loadClass(CONFIGURATION_ADMIN);
        Class<?> configurationApi = loader.loadClass("org.osgi.service.cm.Configuration");
        Object configuration;
        if (c.getFactoryPid().isPresent()) {
            String pid = c.getPid();
            String name = pid.substring(pid.indexOf('~') + 1);
            Method m = adminApi.getMethod("getFactoryConfiguration", String.class, String.class, String.class);
            configuration = m.invoke(admin, c.getFactoryPid().get(), name, "?");
        } else {
            Method m = adminApi.getMethod("getConfiguration", String.class, String.class);
            configuration = m.invoke(admin, c.getPid(), "?");
        }
        Dictionary<String, Object> values = new Hashtable<>(c.getValues());
        Method update = configurationApi.getMethod("update", Dictionary.class);
        update.invoke(configuration, values);
    }
}
