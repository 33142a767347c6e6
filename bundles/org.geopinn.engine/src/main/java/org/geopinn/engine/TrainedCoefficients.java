package org.geopinn.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Symbols;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;

/**
 * The coefficients a session trains: the problem's own unknowns plus those the spec marks unknown
 * ({@code --unknown kappa=0.1}), each a named coefficient of the problem. The problem the rig
 * trains is the service seen through {@link #apply}, whose {@link Problem#unknowns()} lists them
 * all, so the operator engine gives them Jacobian columns.
 */
final class TrainedCoefficients {
    private TrainedCoefficients() {
    }

    /**
     * @param problem the problem service
     * @param extra coefficients the spec marks unknown, name → initial value
     * @return the problem itself when the spec adds none, else the problem with them added to its unknowns
     * @throws GeopinnException naming a coefficient the problem does not have, or a non-finite initial value
     */
    static Problem apply(Problem problem, Map<String, Double> extra) {
        if (extra.isEmpty()) {
            return problem;
        }
        SortedMap<String, Double> all = new TreeMap<>(problem.unknowns());
        for (Map.Entry<String, Double> e : extra.entrySet()) {
            if (!problem.coefficients().containsKey(e.getKey())) {
                throw new GeopinnException("problem '" + problem.id() + "' has no coefficient '" + e.getKey() + "' to train; "
                        + (problem.coefficients().isEmpty() ? "it names no coefficients"
                                : "its coefficients are " + problem.coefficients()));
            }
            if (!Double.isFinite(e.getValue())) {
                throw new GeopinnException("the initial value of unknown '" + e.getKey() + "' is " + e.getValue()
                        + "; it must be a finite number");
            }
            all.put(e.getKey(), e.getValue());
        }
        return new WithUnknowns(problem, Collections.unmodifiableSortedMap(all));
    }

    /** A problem service with more of its coefficients trained; everything else is the service's. */
    private record WithUnknowns(Problem problem, SortedMap<String, Double> unknowns) implements Problem {
        @Override
        public String id() {
            return problem.id();
        }

        @Override
        public String description() {
            return problem.description();
        }

        @Override
        public Symbols vocabulary() {
            return problem.vocabulary();
        }

        @Override
        public Domain domain() {
            return problem.domain();
        }

        @Override
        public List<Condition> conditions() {
            return problem.conditions();
        }

        @Override
        public Optional<ReferenceSolution> reference() {
            return problem.reference();
        }

        @Override
        public Map<String, String> defaults() {
            return problem.defaults();
        }

        @Override
        public SortedMap<String, Double> coefficients() {
            return problem.coefficients();
        }
    
        @Override
        public List<org.geopinn.api.problem.HardConstraint> hardConstraints() {
            return problem.hardConstraints();
        }
    }
}
