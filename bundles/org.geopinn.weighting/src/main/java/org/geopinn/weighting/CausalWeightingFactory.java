package org.geopinn.weighting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.weighting.LossWeighting;
import org.geopinn.api.weighting.LossWeightingFactory;
import org.geopinn.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code causal} weighting service: causal weights over time slices (Wang, Sankaran &amp;
 * Perdikaris, "Respecting causality for training physics-informed neural networks", 2024), for
 * problems with a time variable {@code t}.
 */
@Component(service = LossWeightingFactory.class, configurationPid = "org.geopinn.weighting.causal",
        property = {"geopinn.config.pid=org.geopinn.weighting.causal", "geopinn.id=causal", "geopinn.description=causal weights over time slices: exp(−ε·earlier slices' loss)"})
@Designate(ocd = CausalConfig.class)
public final class CausalWeightingFactory implements LossWeightingFactory {
    static final String ID = "causal";
    private volatile CausalConfig config;

    /** @param c the configured defaults */
    @Activate
    @Modified
    void configure(CausalConfig c) {
        this.config = c;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "causal weights over time slices: exp(−ε·earlier slices' loss)";
    }

    /** @return the settings with descriptions and defaults */
    public Map<String, String> settings() {
        return Settings.describe(CausalConfig.class, config);
    }

    /**
     * {@inheritDoc} Checks the settings only: the weights need the problem ({@link #create(Map, Problem)}).
     */
    @Override
    public LossWeighting create(Map<String, ?> overrides) {
        settings(overrides);
        return (system, theta, step) -> {
            throw new GeopinnException("causal weighting needs the problem's time variable: create it with the problem");
        };
    }

    @Override
    public LossWeighting create(Map<String, ?> overrides, Problem problem) {
        CausalConfig s = settings(overrides);
        List<String> variables = problem.vocabulary().variables();
        int time = variables.indexOf(Vocabulary.TIME);
        if (time < 0) {
            throw new GeopinnException("causal weighting needs a time variable '" + Vocabulary.TIME + "'; problem '" + problem.id()
                    + "' has variables " + variables);
        }
        List<String> names = conditions(s.conditions(), problem);
        return new CausalWeighting(s.slices(), schedule(s), s.threshold(), s.interval(), s.tolerance(), time, variables.size(), names);
    }

    /** The settings checked once (ranges by the metatype, the ε list by its parser). */
    private CausalConfig settings(Map<String, ?> overrides) {
        CausalConfig s = Settings.configure(ID, CausalConfig.class, config, overrides);
        schedule(s);
        return s;
    }

    private static EpsilonSchedule schedule(CausalConfig s) {
        return new EpsilonSchedule(EpsilonSchedule.parse(s.epsilon()), s.growth(), s.max_epsilon());
    }

    /** @return the named conditions, or every condition on an interior part */
    private static List<String> conditions(String text, Problem problem) {
        List<String> all = problem.conditions().stream().map(Condition::name).toList();
        List<String> names = new ArrayList<>();
        if (text.isBlank()) {
            for (Condition c : problem.conditions()) {
                if (problem.domain().part(c.part()).kind() == DomainPart.Kind.INTERIOR) {
                    names.add(c.name());
                }
            }
            if (names.isEmpty()) {
                throw new GeopinnException("causal weighting: problem '" + problem.id() + "' has no condition on an interior part; "
                        + "name the conditions to weight with conditions=…, one of " + all);
            }
            return names;
        }
        for (String n : text.split(",")) {
            String name = n.trim();
            if (!all.contains(name)) {
                throw new GeopinnException("setting 'conditions' of causal has '" + name + "'; conditions of '" + problem.id()
                        + "' are " + all);
            }
            names.add(name);
        }
        return names;
    }
}
