package org.geopinn.cli;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Problem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * {@code --parametric} for a problem written in Java: the problem makes the coefficients inputs
 * itself ({@link Problem#parametric}; a problem built by {@code ProblemBuilder} can), and for this
 * run the parametric problem takes the place of the service under the same id. The engine looks a
 * problem up by id and the first registered of two wins, so the original component is disabled
 * first (through the Declarative Services runtime) and the new problem registered after it. Only in a
 * command's temporary framework: in a running host that would change the problem for every session.
 */
final class JavaParametric {
    /** Service properties of the original that the framework or Declarative Services set, not copied. */
    private static final Set<String> OWN = Set.of(Constants.SERVICE_ID, Constants.OBJECTCLASS, Constants.SERVICE_BUNDLEID,
            Constants.SERVICE_SCOPE, "component.id", "component.name", Constants.SERVICE_PID);

    private JavaParametric() {
    }

    /**
     * @param context the command's bundle context
     * @param ref the problem's service reference
     * @param id the problem's id
     * @param ranges {lo, hi} by coefficient name
     * @return the parametric problem, registered under the problem's id in place of the original
     * @throws GeopinnException one line: in a running host, a problem that cannot make its
     *         coefficients parametric (with the problem's reason), or one that no component provides
     */
    static Problem replace(BundleContext context, ServiceReference<Problem> ref, String id, Map<String, double[]> ranges) {
        if (!"command".equals(context.getProperty("geopinn.mode"))) {
            throw new GeopinnException("--parametric: problem '" + id + "' is written in Java; in a running host it would change"
                    + " for every session, so give --parametric to a command (./geopinn solve) or declare the input with"
                    + " ProblemBuilder.parameter");
        }
        Problem original = context.getService(ref);
        if (original == null) {
            throw new GeopinnException("--parametric: problem '" + id + "' went away");
        }
        Problem parametric;
        try {
            parametric = original.parametric(ranges);
        } catch (GeopinnException e) {
            throw new GeopinnException("--parametric: " + e.getMessage(), e);
        }
        Object name = ref.getProperty("component.name");
        ServiceReference<ServiceComponentRuntime> scrRef = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = scrRef == null ? null : context.getService(scrRef);
        ComponentDescriptionDTO component = name == null || scr == null ? null
                : scr.getComponentDescriptionDTO(ref.getBundle(), String.valueOf(name));
        if (component == null) {
            throw new GeopinnException("--parametric: problem '" + id + "' is not provided by a Declarative Services component, so"
                    + " it cannot be replaced for this run; declare the input with ProblemBuilder.parameter");
        }
        Dictionary<String, Object> props = new Hashtable<>();
        for (String key : ref.getPropertyKeys()) {
            if (!OWN.contains(key)) {
                props.put(key, ref.getProperty(key));
            }
        }
        try {
            scr.disableComponent(component).getValue();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new GeopinnException("--parametric: cannot set problem '" + id + "' aside: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeopinnException("--parametric: interrupted while setting problem '" + id + "' aside");
        }
        context.registerService(Problem.class, parametric, props);
        return parametric;
    }
}
