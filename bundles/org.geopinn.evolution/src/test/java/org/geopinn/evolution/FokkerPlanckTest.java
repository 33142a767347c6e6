package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.geopinn.api.evolution.EvolutionEvent;
import org.geopinn.api.evolution.EvolutionResult;
import org.geopinn.api.evolution.EvolutionSettings;
import org.geopinn.api.model.DerivativeRequest;
import org.geopinn.api.solution.TrainedSolution;
import org.geopinn.evolution.problems.OrnsteinUhlenbeck2d;
import org.junit.jupiter.api.Test;

/**
 * Neural IVP on the Fokker–Planck equation of an Ornstein–Uhlenbeck process (log-density form), at
 * a small size: the evolved density exp(q_θ) at t = 0.3 matches the closed-form Gaussian
 * N(m₀e^(−t), s²(t)I) where the process lives, and the run's points came through the sampler service.
 */
class FokkerPlanckTest {
    @Test
    void evolvedDensityMatchesTheClosedFormGaussian() {
        double t = 0.3;
        EvolutionSettings settings = EvolutionSettings.defaults().with(Map.ofEntries(Map.entry("t-end", String.valueOf(t)),
                Map.entry("samples", "400"), Map.entry("hidden", "12,12"), Map.entry("model.frequencies", "3"),
                Map.entry("rank", "30"), Map.entry("fit-iterations", "60"), Map.entry("error-points", "500"),
                Map.entry("sampler", "halton")));
        EvolutionResult result = TestPoints.service().evolve(new OrnsteinUhlenbeck2d(), settings, null, null);
        assertEquals(t, result.finalState().time(), 1e-12);
        TrainedSolution solution = result.snapshots().get(result.snapshots().size() - 1).solution();

        // Points drawn from the exact density at t: where the probability mass is.
        double s2 = 0.2 * Math.exp(-2 * t) + 0.5 * (1 - Math.exp(-2 * t));
        double m = 0.25 * Math.exp(-t);
        int n = 400;
        Random random = new Random(11);
        double[] points = new double[2 * n];
        for (int k = 0; k < points.length; k++) {
            points[k] = m + Math.sqrt(s2) * random.nextGaussian();
        }
        double[] q = new double[n];
        solution.evaluate(points, n, DerivativeRequest.valuesOnly(2), q);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double dx = points[2 * i] - m;
            double dy = points[2 * i + 1] - m;
            double exact = Math.exp(-(dx * dx + dy * dy) / (2 * s2)) / (2 * Math.PI * s2);
            double d = Math.exp(q[i]) - exact;
            num += d * d;
            den += exact * exact;
        }
        double densityError = Math.sqrt(num / den);
        EvolutionEvent last = result.events().get(result.events().size() - 1);
        System.out.println("fokker-planck2d: density error " + densityError + ", log-density error " + last.relativeError()
                + ", P = " + result.parameterCount());
        assertTrue(densityError < 0.03, "relative L2 error of the density where the process lives: " + densityError);
        assertTrue(last.relativeError() < 0.01, "relative L2 error of the log-density on the box: " + last.relativeError());
    }
}
