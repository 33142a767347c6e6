package org.geopinn.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;

/** u'' = −π² sin πx on [−1, 1], u(±1) = 0; exact u = sin πx. A small real problem for engine tests. */
final class Poisson1d implements Problem {
    private final String id;
    private final boolean nonlinear;
    private final Vocabulary v = new Vocabulary(List.of("x"), List.of("u"));

    Poisson1d(String id) {
        this(id, false);
    }

    /**
     * @param id the problem id
     * @param nonlinear adds u·u_x to the operator (and its value for the exact solution to the
     *        right-hand side): a nonlinear problem with the same solution
     */
    Poisson1d(String id, boolean nonlinear) {
        this.id = id;
        this.nonlinear = nonlinear;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "1-D Poisson for tests";
    }

    @Override
    public Vocabulary vocabulary() {
        return v;
    }

    @Override
    public Domain domain() {
        return new Domain(List.of("x"), new double[] {-1}, new double[] {1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0)));
    }

    @Override
    public List<Condition> conditions() {
        var operator = nonlinear ? v.d("u", "x", "x").plus(v.field("u").times(v.d("u", "x"))) : v.d("u", "x", "x");
        double pi = Math.PI;
        return List.of(Condition.of("pde", "interior", operator,
                x -> -pi * pi * Math.sin(pi * x[0]) + (nonlinear ? pi * Math.sin(pi * x[0]) * Math.cos(pi * x[0]) : 0), 24),
                Condition.of("boundary", "boundary", v.field("u"), x -> 0, 2));
    }

    @Override
    public Optional<ReferenceSolution> reference() {
        return Optional.of(ReferenceSolution.of(x -> Math.sin(Math.PI * x[0])));
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("hidden", "8", "optimizer", "gd", "steps", "20");
    }
}
