package org.geopinn.evolution;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.evolution.EvolutionListener;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionService;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.evolution.EvolutionState;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The Neural IVP {@link EvolutionService}. Models come from the {@link ModelFactory} services
 * (by the {@code model} setting, default {@code sinusoidal-mlp}), points from the {@link Sampler}
 * services (by the {@code sampler} setting, default {@code uniform}); the network is built for the
 * problem's box and fields, normalised inputs, and for {@link BoundaryTreatment#HARD_ZERO}
 * problems the output factor {@code box-zero}.
 */
@Component(service = EvolutionService.class, property = {"geopinn.id=neural-ivp",
    "geopinn.description=Neural IVP: integrate network parameters with Nystrom-PCG and adaptive RK23 (Finzi et al., 2023)"})
public final class NeuralIvpService implements EvolutionService {
    private final List<ModelFactory> factories = new CopyOnWriteArrayList<>();
    private final List<Sampler> samplers = new CopyOnWriteArrayList<>();

    /** For Declarative Services: model factories and samplers arrive as references. */
    public NeuralIvpService() {
    }

    /**
     * @param modelFactories the model factories to use (outside a framework: tests, benchmarks)
     * @param pointSamplers the samplers to use
     */
    public NeuralIvpService(List<ModelFactory> modelFactories, List<Sampler> pointSamplers) {
        factories.addAll(modelFactories);
        samplers.addAll(pointSamplers);
    }

    /** @param sampler a sampler that appeared */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSampler(Sampler sampler) {
        samplers.add(sampler);
    }

    /** @param sampler a sampler that went away */
    void removeSampler(Sampler sampler) {
        samplers.remove(sampler);
    }

    /** @param factory a model factory that appeared */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModelFactory(ModelFactory factory) {
        factories.add(factory);
    }

    /** @param factory a model factory that went away */
    void removeModelFactory(ModelFactory factory) {
        factories.remove(factory);
    }

    @Override
    public EvolutionResult evolve(InitialValueProblem problem, EvolutionSettings settings, EvolutionState start,
            EvolutionListener listener) {
        Model model = model(problem, settings);
        return new NeuralIvp(problem, model, sampler(settings), settings).run(start, listener);
    }

    /**
     * @param problem the problem
     * @param settings the settings (model id, widths, activation, options)
     * @return the network for the problem
     */
    Model model(InitialValueProblem problem, EvolutionSettings settings) {
        ModelFactory factory = factories.stream().filter(f -> f.id().equals(settings.model())).findFirst()
                .orElseThrow(() -> new GeopinnException("no model '" + settings.model() + "'; available: "
                        + factories.stream().map(ModelFactory::id).sorted().toList()));
        return factory.create(modelSpec(problem, settings));
    }

    /**
     * @param settings the settings (the sampler id)
     * @return the sampler service of that id
     * @throws GeopinnException naming the samplers present when there is none of that id
     */
    Sampler sampler(EvolutionSettings settings) {
        return samplers.stream().filter(s -> s.id().equals(settings.sampler())).findFirst()
                .orElseThrow(() -> new GeopinnException("no sampler '" + settings.sampler() + "'; available: "
                        + samplers.stream().map(Sampler::id).sorted().toList()));
    }

    /**
     * @param problem the problem
     * @param settings the settings
     * @return the spec of the network evolved for the problem
     */
    static ModelSpec modelSpec(InitialValueProblem problem, EvolutionSettings settings) {
        Map<String, String> options = new HashMap<>();
        Domain domain = problem.domain();
        if (problem.boundary() == BoundaryTreatment.HARD_ZERO) {
            if (domain.geometry().isPresent()) {
                throw new GeopinnException("problem '" + problem.id() + "' asks for zero data built into the network,"
                        + " which needs a box domain; its domain is a geometry");
            }
            options.put("output-factor", "box-zero");
        }
        options.putAll(settings.modelOptions());
        return new ModelSpec(domain.lower(), domain.upper(), problem.vocabulary().fields(), settings.hidden(),
                settings.activation(), "xavier", settings.separateNetworks(), true, options);
    }

    @Override
    public void save(EvolutionState state, Path file) {
        StateFile.write(state, file);
    }

    @Override
    public EvolutionState load(Path file) {
        return StateFile.read(file);
    }
}
