package org.geopinn.evolution;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.evolution.TimeReference;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;

/** A one-field initial-value problem on [-1,1]^d assembled from parts, for tests. */
record SimpleIvp(String id, Vocabulary vocabulary, Function<Vocabulary, Expr> rhs, BoundaryTreatment boundary,
        TimeReference exact) implements InitialValueProblem {

    @Override
    public String description() {
        return id;
    }

    @Override
    public Domain domain() {
        int d = vocabulary.variables().size();
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, -1);
        java.util.Arrays.fill(hi, 1);
        return new Domain(vocabulary.variables(), lo, hi, List.of(DomainPart.interior(INTERIOR)));
    }

    @Override
    public List<Expr> rightHandSides() {
        return List.of(rhs.apply(vocabulary));
    }

    @Override
    public void initialValue(double[] points, int n, double[] out) {
        exact.evaluate(0, points, n, out);
    }

    @Override
    public Optional<TimeReference> reference() {
        return Optional.of(exact);
    }
}
