package org.geopinn.problems.library;

import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.problem.Problem;
import org.geopinn.problems.declared.ProblemDeclaration;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * One problem per factory configuration of PID {@value ProblemDeclaration#FACTORY_PID} (for
 * example a file {@code org.geopinn.problems.declared-mypde.cfg} that FileInstall applies from
 * {@code plugins/}). A consistent declaration is registered as a {@link Problem} service; an
 * inconsistent one is logged as a one-line error and registers nothing, so a typo never reaches
 * a training session. A declaration whose id is already taken (by a problem of a bundle, such as
 * the built-in ones, or by another declaration) is refused the same way, naming both sources: the
 * first one stays. Editing the file re-creates the component; deleting it removes the problem.
 */
@Component(configurationPid = ProblemDeclaration.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
public final class DeclaredProblemComponent {
    /** Service property of a declared problem: the file (or PID) it was declared in. */
    static final String ORIGIN = "geopinn.declared.origin";
    private static final System.Logger LOG = System.getLogger("org.geopinn.problems");
    private static final Object REGISTRATION = new Object();
    private final ServiceRegistration<Problem> registration;

    /**
     * @param context the bundle context, to register the problem only when it is valid
     * @param properties the factory configuration
     */
    @Activate
    public DeclaredProblemComponent(BundleContext context, Map<String, Object> properties) {
        ServiceRegistration<Problem> r = null;
        String origin = origin(properties);
        try {
            Problem problem = ProblemDeclaration.parse(properties, origin);
            Dictionary<String, Object> serviceProperties = new Hashtable<>();
            serviceProperties.put(ServiceProperties.ID, problem.id());
            serviceProperties.put(ServiceProperties.DESCRIPTION, problem.description());
            serviceProperties.put(ORIGIN, origin);
            // The check and the registration are one step, so two files with one id cannot both pass.
            synchronized (REGISTRATION) {
                String owner = owner(context, problem.id());
                if (owner != null) {
                    throw new GeopinnException("declared problem '" + problem.id() + "' (" + origin + ") is refused: the id '"
                            + problem.id() + "' is already taken by " + owner + "; give the declaration another id");
                }
                r = context.registerService(Problem.class, problem, serviceProperties);
            }
            LOG.log(System.Logger.Level.INFO, "registered declared problem ''{0}'' from {1}", problem.id(), origin);
        } catch (GeopinnException e) {
            LOG.log(System.Logger.Level.ERROR, e.getMessage());
        }
        registration = r;
    }

    /** @return who registered a problem with this id already (a declaration's file or a bundle), or null */
    private static String owner(BundleContext context, String id) {
        Collection<ServiceReference<Problem>> refs;
        try {
            refs = context.getServiceReferences(Problem.class, "(" + ServiceProperties.ID + "=" + id + ")");
        } catch (InvalidSyntaxException e) {
            throw new GeopinnException("problem id '" + id + "' cannot be looked up: " + e.getMessage());
        }
        for (ServiceReference<Problem> ref : refs) {
            Object file = ref.getProperty(ORIGIN);
            if (file != null) {
                return "the declared problem of " + file;
            }
            Bundle b = ref.getBundle();
            return "the problem of bundle " + (b == null ? "(gone)" : b.getSymbolicName());
        }
        return null;
    }

    private static String origin(Map<String, Object> properties) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String f = file.toString();
            return f.substring(f.lastIndexOf('/') + 1);
        }
        Object pid = properties.get("service.pid");
        return pid == null ? ProblemDeclaration.FACTORY_PID : pid.toString();
    }

    /** Withdraws the problem. */
    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters services of a stopping bundle itself
            }
        }
    }
}
