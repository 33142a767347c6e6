package org.geopinn.launcher;

import java.lang.reflect.Method;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Whether the host has a training session that has not ended, asked of the engine's
 * TrainingService through reflection (the launcher does not share the API classes with the
 * framework's bundles).
 */
final class RunningSessions {
    private static final String TRAINING_SERVICE = "org.geopinn.api.session.TrainingService";

    private RunningSessions() {
    }

    static boolean any(BundleContext context) {
        try {
            ServiceReference<?> ref = context.getServiceReference(TRAINING_SERVICE);
            if (ref == null) {
                return false;
            }
            Object service = context.getService(ref);
            try {
                ClassLoader loader = service.getClass().getClassLoader();
                Method sessions = loader.loadClass(TRAINING_SERVICE).getMethod("sessions");
                Method state = loader.loadClass("org.geopinn.api.session.Session").getMethod("state");
                Method terminal = loader.loadClass("org.geopinn.api.session.SessionState").getMethod("isTerminal");
                for (Object session : (List<?>) sessions.invoke(service)) {
                    if (!(Boolean) terminal.invoke(state.invoke(session))) {
                        return true;
                    }
                }
                return false;
            } finally {
                context.ungetService(ref);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // When in doubt, wait for the CLI's own hook.
            return true;
        }
    }
}
