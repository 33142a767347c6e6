package org.geopinn.cluster;

import java.util.Collection;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.ServiceProperties;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.problem.Problem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Builds block systems with the services of this member's host: its problem, model factory and operator engine of those ids. */
final class HostBlockBuilder implements BlockBuilder {
    private final BundleContext context;

    /** @param context the cluster bundle's context */
    HostBlockBuilder(BundleContext context) {
        this.context = context;
    }

    @Override
    public ResidualSystem build(BlockModel model, Map<String, double[]> points) {
        Problem problem = service(Problem.class, model.problem());
        ModelFactory models = service(ModelFactory.class, model.modelId());
        OperatorEngine engine = service(OperatorEngine.class, model.engine());
        return engine.build(problem, models.create(model.spec()), points, LossScaling.valueOf(model.scaling()));
    }

    /** @return this host's service of the type with the id @throws GeopinnException when there is none */
    <T> T service(Class<T> type, String id) {
        try {
            Collection<ServiceReference<T>> refs = context.getServiceReferences(type, "(" + ServiceProperties.ID + "=" + id + ")");
            for (ServiceReference<T> r : refs) {
                T s = context.getService(r);
                if (s != null) {
                    return s;
                }
            }
        } catch (InvalidSyntaxException e) {
            // an id with filter characters: reported below
        }
        throw new GeopinnException("this member has no " + type.getSimpleName() + " '" + id + "'");
    }
}
