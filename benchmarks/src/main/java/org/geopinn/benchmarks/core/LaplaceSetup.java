package org.geopinn.benchmarks.core;

import java.util.List;
import java.util.Map;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.api.model.Model;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.problem.Problem;
import org.geopinn.models.StandardModels;
import org.geopinn.problems.library.Laplace2d;

/**
 * The 2-D Laplace set-up of the core benchmarks: the problems bundle's {@code laplace2d}, Δu = −2π²
 * sin πx sin πy on [0,1]², u = 0 on the boundary; MLP [2,64,64,64,1] tanh (P = 8577); 900 interior
 * points (30×30 grid strictly inside) and 120 boundary points (30 per side). Its point sets serve
 * the optimizer benchmarks too.
 */
public final class LaplaceSetup {
    static final int INTERIOR = 900;
    static final int BOUNDARY = 120;

    private LaplaceSetup() {
    }

    static Model model() {
        return StandardModels.create("mlp", new ModelSpec(new double[] {0, 0}, new double[] {1, 1}, List.of("u"),
                new int[] {64, 64, 64}, "tanh", "xavier", false, false, Map.of()));
    }

    /** @return the 30×30 interior grid */
    static double[] interiorPoints() {
        return interiorGrid(30);
    }

    /** @return 30 points on each side of the boundary */
    static double[] boundaryPoints() {
        return squareBoundary(30);
    }

    /**
     * @param side points per axis
     * @return the side×side grid strictly inside [0,1]², points ((i+1)/(side+1), (j+1)/(side+1))
     */
    public static double[] interiorGrid(int side) {
        double[] p = new double[side * side * 2];
        int q = 0;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                p[q++] = (i + 1.0) / (side + 1);
                p[q++] = (j + 1.0) / (side + 1);
            }
        }
        return p;
    }

    /**
     * @param perSide points per side
     * @return perSide points on each side of the unit square's boundary, going round from a corner
     */
    public static double[] squareBoundary(int perSide) {
        double[] p = new double[4 * perSide * 2];
        for (int k = 0; k < perSide; k++) {
            double s = (double) k / perSide;
            double[][] side = {{s, 0}, {1, s}, {1 - s, 1}, {0, 1 - s}};
            for (int e = 0; e < 4; e++) {
                p[2 * (e * perSide + k)] = side[e][0];
                p[2 * (e * perSide + k) + 1] = side[e][1];
            }
        }
        return p;
    }

    /** @return the problems bundle's 2-D Laplace, the problem the solver trains ({@code laplace2d}) */
    static Problem problem() {
        return Laplace2d.define();
    }

    /** @return the right-hand side of its PDE at the interior points, read from the problem */
    static double[] source(double[] interior) {
        PointFunction f = problem().conditions().stream().filter(c -> c.name().equals("pde")).findFirst().orElseThrow().source();
        double[] out = new double[INTERIOR];
        for (int i = 0; i < INTERIOR; i++) {
            out[i] = f.value(new double[] {interior[2 * i], interior[2 * i + 1]});
        }
        return out;
    }
}
