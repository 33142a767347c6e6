package org.geopinn.launcher;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;

/**
 * Prints the framework's log entries at or above a level (errors and warnings by default) as one
 * line each: {@code geopinn: [bundle] message: cause}. Declarative Services, Configuration Admin and
 * FileInstall report what went wrong with a component, a configuration or a dropped jar through the
 * OSGi log; without this a failing plugin would be silent, and without the log service they would
 * print whole stack traces.
 *
 * <p>The launcher does not share the log API classes with the framework's bundles, so the listener
 * is a dynamic proxy of the framework's own {@code LogListener} interface.
 */
final class ConsoleLog {
    /** Launch property: the most verbose level printed (1 error, 2 warning, 3 info, 4 debug). */
    static final String LEVEL = "geopinn.log.level";
    private static final String READER = "org.osgi.service.log.LogReaderService";
    /**
     * Echoes of a failure already reported with its cause: when a component fails to activate, SCR
     * says why, then the framework and every component that tried to get the service repeat that
     * "the service factory returned null". Those echoes are left out.
     */
    private static final List<String> ECHOES = List.of("Service factory returned null",
            "Could not get service from ref", "Service not available from service registry");
    /** The same line again within this many milliseconds is not printed twice. */
    private static final long REPEAT_MILLIS = 60_000;
    /** The lines printed lately by one host, to leave out repeats. */
    private static final class Recent extends LinkedHashMap<String, Long> {
        private static final long serialVersionUID = 1L;

        Recent() {
            super(64, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 256;
        }

        synchronized boolean repeated(String line) {
            long now = System.currentTimeMillis();
            Long last = put(line, now);
            return last != null && now - last < REPEAT_MILLIS;
        }
    }

    private ConsoleLog() {
    }

    static void attach(BundleContext context, int level, PrintStream out) {
        Recent recent = new Recent();
        try {
            context.addServiceListener(event -> {
                if (event.getType() == ServiceEvent.REGISTERED) {
                    listen(context, event.getServiceReference(), level, out, recent);
                }
            }, "(objectClass=" + READER + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void listen(BundleContext context, ServiceReference<?> ref, int level, PrintStream out,
            Recent recent) {
        Object reader = context.getService(ref);
        if (reader == null) {
            return;
        }
        try {
            ClassLoader loader = reader.getClass().getClassLoader();
            Class<?> listenerType = loader.loadClass("org.osgi.service.log.LogListener");
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("logged") && args != null && args.length == 1) {
                    print(args[0], level, out, recent);
                    return null;
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "geopinn console log";
                    default -> null;
                };
            };
            Object listener = Proxy.newProxyInstance(loader, new Class<?>[] {listenerType}, handler);
            loader.loadClass(READER).getMethod("addLogListener", listenerType).invoke(reader, listener);
        } catch (ReflectiveOperationException | RuntimeException e) {
            out.println("geopinn: log messages of the framework will not be shown: " + Host.oneLine(e));
        }
    }

    @SuppressWarnings("deprecation")
    private static void print(Object entry, int level, PrintStream out, Recent recent)
            throws ReflectiveOperationException {
        Class<?> type = entry.getClass().getClassLoader().loadClass("org.osgi.service.log.LogEntry");
        int entryLevel = (Integer) method(type, "getLevel").invoke(entry);
        if (entryLevel > level) {
            return;
        }
        Bundle bundle = (Bundle) method(type, "getBundle").invoke(entry);
        String message = (String) method(type, "getMessage").invoke(entry);
        Throwable cause = (Throwable) method(type, "getException").invoke(entry);
        StringBuilder line = new StringBuilder("geopinn: ");
        line.append(entryLevel <= 1 ? "error" : entryLevel == 2 ? "warning" : "info");
        if (bundle != null) {
            line.append(" [").append(bundle.getSymbolicName()).append(']');
        }
        line.append(' ').append(message == null ? "" : message.replace('\n', ' '));
        if (cause != null) {
            line.append(": ").append(Host.oneLine(cause));
        }
        String text = line.toString();
        // (The log service hands out a copy of the exception, whose message names the original class.)
        boolean startFailure = cause != null && message != null && message.startsWith("FrameworkEvent ERROR")
                && String.valueOf(cause).contains("org.osgi.framework.BundleException");
        // A bundle that fails to start while the framework starts is reported by the launcher itself.
        if (startFailure || ECHOES.stream().anyMatch(text::contains) || recent.repeated(text)) {
            return;
        }
        out.println(text);
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }
}
