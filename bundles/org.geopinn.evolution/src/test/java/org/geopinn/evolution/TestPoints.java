package org.geopinn.evolution;

import java.util.List;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.models.StandardModels;
import org.geopinn.samplers.Samplers;

/** Points and services for tests and benchmarks, outside a framework: the built-in samplers and models. */
final class TestPoints {
    private TestPoints() {
    }

    /** @return the built-in samplers, as the Sampler services are in a framework */
    static List<Sampler> samplers() {
        return Samplers.ids().stream().map(Samplers::create).toList();
    }

    /** @return the solver with the built-in models and samplers */
    static NeuralIvpService service() {
        List<ModelFactory> models = StandardModels.factories();
        return new NeuralIvpService(models, samplers());
    }

    /**
     * @param problem the problem
     * @param n the number of points
     * @param seed the seed
     * @return n uniform points of the problem's interior, row-major
     */
    static double[] uniform(InitialValueProblem problem, int n, long seed) {
        double[] points = new double[n * problem.domain().dimension()];
        CollocationSampler.drawExactly(Samplers.create("uniform"), problem.domain(),
                CollocationSampler.interior(problem.domain()), n, seed, points);
        return points;
    }
}
