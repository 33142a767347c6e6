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
import org.osgi.framework.BundleContext;
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
                    throw new UnsupportedOperationException(method.getName());
                });
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
}
