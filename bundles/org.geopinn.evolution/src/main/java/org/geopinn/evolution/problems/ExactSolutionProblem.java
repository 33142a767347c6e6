package org.geopinn.evolution.problems;

import java.util.Map;
import java.util.Optional;
import org.geopinn.api.evolution.BoundaryTreatment;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.evolution.TimeReference;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Domain;

/**
 * What the built-in initial-value problems share: a fixed id, description, vocabulary, box and
 * boundary treatment, a reference solution known at every time (closed form or series), the
 * initial data taken from it at t = 0, and the end time 1. A subclass gives the right-hand sides
 * and {@link #exact}.
 */
abstract class ExactSolutionProblem implements InitialValueProblem {
    private final String id;
    private final String description;
    private final Vocabulary vocabulary;
    private final Domain domain;
    private final BoundaryTreatment boundary;

    /**
     * @param id the id
     * @param description the description
     * @param vocabulary the spatial variables and fields
     * @param domain the box (its part {@value InitialValueProblem#INTERIOR} is sampled)
     * @param boundary how the faces are treated
     */
    ExactSolutionProblem(String id, String description, Vocabulary vocabulary, Domain domain, BoundaryTreatment boundary) {
        this.id = id;
        this.description = description;
        this.vocabulary = vocabulary;
        this.domain = domain;
        this.boundary = boundary;
    }

    /**
     * The reference solution.
     *
     * @param t the time
     * @param points n points, row-major n×d (not modified)
     * @param n the number of points
     * @param out receives the values, row-major n×F (modified)
     */
    abstract void exact(double t, double[] points, int n, double[] out);

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public final Domain domain() {
        return domain;
    }

    @Override
    public final BoundaryTreatment boundary() {
        return boundary;
    }

    /** The reference at t = 0; a subclass whose reference only approximates its data (a series) overrides this. */
    @Override
    public void initialValue(double[] points, int n, double[] out) {
        exact(0, points, n, out);
    }

    @Override
    public final Optional<TimeReference> reference() {
        return Optional.of(this::exact);
    }

    @Override
    public final Map<String, String> defaults() {
        return Map.of("t-end", "1");
    }
}
