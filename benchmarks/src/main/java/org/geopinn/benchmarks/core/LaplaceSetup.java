package org.geopinn.benchmarks.core;

import java.util.List;
import java.util.Map;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.models.StandardModels;

/**
 * The 2-D Laplace set-up of the core benchmarks: Δu = −2π² sin πx sin πy on [0,1]², u = 0 on the
 * boundary; MLP [2,64,64,64,1] tanh (P = 8577); 900 interior points (30×30 grid strictly inside)
 * and 120 boundary points (30 per side).
 */
final class LaplaceSetup {
    static final int INTERIOR = 900;
    static final int BOUNDARY = 120;

    private LaplaceSetup() {
    }

    static Model model() {
        return StandardModels.create("mlp", new ModelSpec(new double[] {0, 0}, new double[] {1, 1}, List.of("u"),
                new int[] {64, 64, 64}, "tanh", "xavier", false, false, Map.of()));
    }

    /** 30×30 grid points (i+1)/31. */
    static double[] interiorPoints() {
        double[] p = new double[INTERIOR * 2];
        int q = 0;
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                p[q++] = (i + 1) / 31.0;
                p[q++] = (j + 1) / 31.0;
            }
        }
        return p;
    }

    /** 30 points on each side, starting at a corner and going round. */
    static double[] boundaryPoints() {
        double[] p = new double[BOUNDARY * 2];
        for (int k = 0; k < 30; k++) {
            double s = k / 30.0;
            double[][] side = {{s, 0}, {1, s}, {1 - s, 1}, {0, 1 - s}};
            for (int e = 0; e < 4; e++) {
                p[2 * (e * 30 + k)] = side[e][0];
                p[2 * (e * 30 + k) + 1] = side[e][1];
            }
        }
        return p;
    }

    static double source(double x, double y) {
        return -2 * Math.PI * Math.PI * Math.sin(Math.PI * x) * Math.sin(Math.PI * y);
    }

    /** The problem, defined inline with the API. */
    static Problem problem() {
        Vocabulary vocabulary = new Vocabulary(List.of("x", "y"), List.of("u"));
        Domain domain = new Domain(List.of("x", "y"), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0, 1)));
        List<Condition> conditions = List.of(
                Condition.of("pde", "interior", vocabulary.laplacian("u"), x -> source(x[0], x[1]), INTERIOR),
                Condition.of("boundary", "boundary", vocabulary.field("u"), x -> 0.0, BOUNDARY));
        return new Problem() {
            @Override
            public String id() {
                return "laplace2d-benchmark";
            }

            @Override
            public String description() {
                return "2-D Laplace, Δu = −2π² sin πx sin πy on [0,1]², u = 0 on the boundary";
            }

            @Override
            public Vocabulary vocabulary() {
                return vocabulary;
            }

            @Override
            public Domain domain() {
                return domain;
            }

            @Override
            public List<Condition> conditions() {
                return conditions;
            }
        };
    }
}
