package org.example.geopinn.poisson;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.problem.ReferenceSolution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * 2-D Poisson problem −Δu = f on [0,1]² with u = 0 on the boundary and the exact solution
 * u = sin(πx)·sin(kπy), so f = (1 + k²)π²·sin(πx)·sin(kπy). The frequency k comes from the
 * configuration {@value #PID} (a {@code .cfg} file dropped beside the jar changes it at runtime).
 *
 * <p>The component is immediate: a bad configuration is reported as soon as it arrives, and the
 * problem is then simply absent instead of failing later when a session asks for it.
 */
@Component(service = Problem.class, configurationPid = PoissonSine.PID, immediate = true,
        property = {"geopinn.id=" + PoissonSine.ID, "geopinn.description=" + PoissonSine.DESCRIPTION})
@Designate(ocd = PoissonSine.Config.class)
public class PoissonSine implements Problem {
    /** The problem id. */
    public static final String ID = "poisson-sine";
    /** The configuration PID. */
    public static final String PID = "org.example.geopinn.poisson";
    static final String DESCRIPTION = "2-D Poisson -Δu = f on [0,1]², u = sin(πx) sin(kπy) (example plugin)";

    /** Settings of the problem. */
    @ObjectClassDefinition(name = "Poisson sine example problem")
    public @interface Config {
        /** @return the frequency k of the exact solution in y; a positive integer */
        @AttributeDefinition(description = "Frequency k of sin(kπy) in the exact solution; a positive integer", min = "1", max = "8")
        int frequency() default 1;
    }

    private final int k;
    private final Vocabulary vocabulary = new Vocabulary(List.of("x", "y"), List.of("u"));

    /**
     * @param config the settings
     * @throws GeopinnException for a frequency outside 1…8, naming the allowed range
     */
    @Activate
    public PoissonSine(Config config) {
        if (config.frequency() < 1 || config.frequency() > 8) {
            throw new GeopinnException(ID + ": frequency must be an integer from 1 to 8, got " + config.frequency()
                    + " (configuration " + PID + ")");
        }
        this.k = config.frequency();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "2-D Poisson -Δu = f on [0,1]², u = sin(πx) sin(" + k + "πy) (example plugin)";
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public Domain domain() {
        return new Domain(List.of("x", "y"), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0, 1)));
    }

    @Override
    public List<Condition> conditions() {
        double scale = (1 + k * k) * Math.PI * Math.PI;
        return List.of(
                Condition.of("pde", "interior", vocabulary.laplacian("u").times(-1),
                        x -> scale * exact(x), 400),
                Condition.of("boundary", "boundary", vocabulary.field("u"), x -> 0.0, 80));
    }

    @Override
    public Optional<ReferenceSolution> reference() {
        return Optional.of(ReferenceSolution.of(this::exact));
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of(ProblemDefaults.HIDDEN, "32", ProblemDefaults.ACTIVATION, "tanh");
    }

    private double exact(double[] x) {
        return Math.sin(Math.PI * x[0]) * Math.sin(k * Math.PI * x[1]);
    }
}
