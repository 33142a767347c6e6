package org.geopinn.engine;

import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.models.StandardModels;
import org.geopinn.operators.OperatorEngines;
import org.geopinn.samplers.Samplers;

/** The real models, operator engines and samplers a test session needs, registered as services. */
final class TestServices {
    private TestServices() {
    }

    /** @param registry the registry that gets every standard model, operator engine and sampler */
    static void addStandard(ServiceRegistry registry) {
        for (ModelFactory f : StandardModels.factories()) {
            registry.add(ModelFactory.class, null, null, "models", f);
        }
        for (String id : OperatorEngines.ids()) {
            registry.add(OperatorEngine.class, null, null, "operators", OperatorEngines.create(id));
        }
        for (String id : Samplers.ids()) {
            registry.add(Sampler.class, null, null, "samplers", Samplers.create(id));
        }
    }

    /**
     * @param registry the services
     * @return sessions over them that publish their solutions nowhere
     */
    static Sessions sessions(ServiceRegistry registry) {
        return new Sessions(registry, new Sessions.SolutionPublisher() {
            @Override
            public void publish(org.geopinn.api.session.Session session, org.geopinn.api.solution.TrainedSolution solution) {
            }

            @Override
            public void withdraw(String sessionId) {
            }
        });
    }
}
