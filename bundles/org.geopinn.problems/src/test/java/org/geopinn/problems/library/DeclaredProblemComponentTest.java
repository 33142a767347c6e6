package org.geopinn.problems.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.problem.Problem;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.junit.jupiter.api.Test;

/** A valid factory configuration registers a problem service; an invalid one registers nothing. */
class DeclaredProblemComponentTest {
    private final List<Object[]> registered = new ArrayList<>();
    private final List<String> unregistered = new ArrayList<>();

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        registered.add(args);
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        unregistered.add("done");
                                    }
                                    return null;
                                });
                    }
                    if (method.getName().equals("getServiceReferences")) {
                        String filter = (String) args[1];
                        List<Object> refs = new ArrayList<>();
                        for (Object[] r : registered) {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> props = (Dictionary<String, Object>) r[2];
                            if (filter.equals("(geopinn.id=" + props.get("geopinn.id") + ")")) {
                                refs.add(reference(props));
                            }
                        }
                        refs.addAll(existing);
                        return refs;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Services of other bundles, as the fake context returns them. */
    private final List<Object> existing = new ArrayList<>();

    private Object reference(Dictionary<String, Object> props) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceReference.class},
                (p, m, a) -> m.getName().equals("getProperty") ? props.get(a[0]) : null);
    }

    private Object bundleReference(String bsn) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> m.getName().equals("getSymbolicName") ? bsn : null);
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceReference.class},
                (p, m, a) -> m.getName().equals("getBundle") ? bundle : null);
    }

    private static Map<String, Object> declaration() {
        Map<String, Object> m = new HashMap<>();
        m.put("id", "line");
        m.put("variables", "x");
        m.put("fields", "u");
        m.put("lower", "0");
        m.put("upper", "1");
        m.put("condition.pde.part", "interior");
        m.put("condition.pde.operator", "u_xx");
        m.put("condition.pde.source", "-pi^2*sin(pi*x)");
        m.put("condition.ends.part", "boundary");
        m.put("condition.ends.operator", "u");
        m.put("felix.fileinstall.filename", "file:/host/plugins/org.geopinn.problems.declared-line.cfg");
        return m;
    }

    @Test
    void aValidDeclarationIsRegisteredAndWithdrawn() {
        DeclaredProblemComponent c = new DeclaredProblemComponent(context(), declaration());
        assertEquals(1, registered.size());
        Problem p = (Problem) registered.get(0)[1];
        assertEquals("line", p.id());
        @SuppressWarnings("unchecked")
        Dictionary<String, Object> props = (Dictionary<String, Object>) registered.get(0)[2];
        assertEquals("line", props.get("geopinn.id"));
        c.deactivate();
        assertEquals(1, unregistered.size());
    }

    @Test
    void anInvalidDeclarationRegistersNothing() {
        Map<String, Object> m = declaration();
        m.put("condition.pde.operator", "v_xx");
        DeclaredProblemComponent c = new DeclaredProblemComponent(context(), m);
        assertTrue(registered.isEmpty());
        c.deactivate();
        assertTrue(unregistered.isEmpty());
    }

    @Test
    void aSecondDeclarationWithTheSameIdIsRefusedNamingBothFiles() {
        List<String> logged = captureErrors();
        DeclaredProblemComponent first = new DeclaredProblemComponent(context(), declaration());
        Map<String, Object> again = declaration();
        again.put("felix.fileinstall.filename", "file:/host/plugins/org.geopinn.problems.declared-copy.cfg");
        new DeclaredProblemComponent(context(), again);
        assertEquals(1, registered.size(), "the second one registers nothing");
        String line = logged.stream().filter(l -> l.contains("already taken")).findFirst().orElseThrow(() -> new AssertionError(logged));
        assertTrue(line.contains("org.geopinn.problems.declared-copy.cfg") && line.contains("org.geopinn.problems.declared-line.cfg"),
                line);
        first.deactivate();
    }

    @Test
    void aDeclarationTakingTheIdOfABundlesProblemIsRefused() {
        List<String> logged = captureErrors();
        existing.add(bundleReference("org.geopinn.problems"));
        Map<String, Object> m = declaration();
        new DeclaredProblemComponent(context(), m);
        assertTrue(registered.isEmpty());
        assertTrue(logged.stream().anyMatch(l -> l.contains("'line'") && l.contains("bundle org.geopinn.problems")
                && l.contains("org.geopinn.problems.declared-line.cfg")), logged.toString());
    }

    /** Collects what the component logs at level ERROR (through java.util.logging, System.Logger's default). */
    private static List<String> captureErrors() {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Logger.getLogger("org.geopinn.problems").addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return lines;
    }
}
