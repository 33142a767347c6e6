package org.geopinn.evolution.problems;

import java.util.Arrays;
import java.util.List;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;

/** The spatial boxes of the built-in initial-value problems, as shared {@link Domain}s. */
final class Boxes {
    private Boxes() {
    }

    /**
     * @param variables the spatial variables
     * @param lower the lower bound of every variable
     * @param upper the upper bound of every variable
     * @return the box [lower, upper]^d with the single part {@value InitialValueProblem#INTERIOR}
     */
    static Domain cube(List<String> variables, double lower, double upper) {
        double[] lo = new double[variables.size()];
        double[] hi = new double[variables.size()];
        Arrays.fill(lo, lower);
        Arrays.fill(hi, upper);
        return new Domain(variables, lo, hi, List.of(DomainPart.interior(InitialValueProblem.INTERIOR)));
    }
}
