package org.geopinn.evolution.problems;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ProblemDefaults;
import org.geopinn.api.problem.ReferenceSolution;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code heat2d} initial-value problem posed over space-time for an ordinary PINN solve, so
 * that Neural IVP can be compared with training the same kind of network over (t, x, y):
 * u_t − 0.05Δu = 0 on [0,1]×[−1,1]², u = 0 on the spatial boundary, u(0) = the Gaussian of
 * {@link Heat2d}; reference = {@link Heat2d}'s exact solution.
 */
@Component(service = Problem.class, property = {"geopinn.id=heat2d-spacetime",
    "geopinn.description=heat2d (Neural IVP benchmark) over space-time [0,1]x[-1,1]^2 for a PINN solve"})
public final class Heat2dSpaceTime implements Problem {
    private final Vocabulary vocabulary = new Vocabulary(List.of("t", "x", "y"), List.of("u"));

    @Override
    public String id() {
        return "heat2d-spacetime";
    }

    @Override
    public String description() {
        return "heat2d (Neural IVP benchmark) over space-time [0,1]x[-1,1]^2 for a PINN solve";
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public Domain domain() {
        return new Domain(vocabulary.variables(), new double[] {0, -1, -1}, new double[] {1, 1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 1, 2),
                        DomainPart.face("initial", 0, false)));
    }

    @Override
    public List<Condition> conditions() {
        return List.of(
                Condition.of("pde", "interior", vocabulary.d("u", "t").minus(vocabulary.laplacian("u").times(Heat2d.KAPPA)),
                        null, 3000).withSampler("uniform", Map.of()),
                Condition.of("boundary", "boundary", vocabulary.field("u"), null, 800).withSampler("uniform", Map.of()),
                Condition.of("initial", "initial", vocabulary.field("u"), p -> exact(p), 1000).withSampler("uniform", Map.of()));
    }

    @Override
    public Optional<ReferenceSolution> reference() {
        return Optional.of(ReferenceSolution.of(Heat2dSpaceTime::exact));
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of(ProblemDefaults.MODEL, "sinusoidal-mlp", ProblemDefaults.HIDDEN, "32,32",
                ProblemDefaults.ACTIVATION, "swish");
    }

    private static double exact(double[] p) {
        double[] out = new double[1];
        Heat2d.solution(p[0], new double[] {p[1], p[2]}, 1, out);
        return out[0];
    }
}
