package org.geopinn.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.evolution.InitialValueProblem;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.samplers.Samplers;
import org.junit.jupiter.api.Test;

/**
 * The points of every step come from a Sampler service on the problem's interior part, with a new
 * seed per draw; guided samples follow the magnitude of the solution, the rest stay uniform.
 */
class CollocationSamplerTest {
    private static final Domain SQUARE = new Domain(List.of("x", "y"), new double[] {-1, -1}, new double[] {1, 1},
            List.of(DomainPart.interior(InitialValueProblem.INTERIOR)));

    /** A sampler service that records its calls and hands them to the uniform sampler. */
    private static final class Recording implements Sampler {
        final Sampler inner = Samplers.create("uniform");
        final List<Long> seeds = new ArrayList<>();
        final List<String> parts = new ArrayList<>();

        @Override
        public String id() {
            return "recording";
        }

        @Override
        public String description() {
            return "records calls";
        }

        @Override
        public double[] sample(Domain domain, DomainPart part, int count, long seed, Map<String, String> options) {
            seeds.add(seed);
            parts.add(part.name());
            return inner.sample(domain, part, count, seed, options);
        }
    }

    @Test
    void everyDrawAsksTheSamplerServiceForTheInteriorWithAFreshSeed() {
        Recording service = new Recording();
        CollocationSampler sampler = new CollocationSampler(service, SQUARE, 42, 1, 100, 0, new Random(2));
        double[] first = new double[200];
        double[] second = new double[200];
        sampler.draw((p, m, out) -> { }, first, 100);
        sampler.draw((p, m, out) -> { }, second, 100);
        assertEquals(List.of(42L, 43L), service.seeds);
        assertEquals(List.of("interior", "interior"), service.parts);
        assertNotEquals(first[0], second[0], "a new sample set per draw");
        double[] again = new double[200];
        new CollocationSampler(new Recording(), SQUARE, 42, 1, 100, 0, new Random(2)).draw((p, m, out) -> { }, again, 100);
        assertEquals(first[0], again[0], 0, "same seed, same points");
    }

    @Test
    void aSamplerThatRoundsTheCountOrADomainWithoutInteriorIsRefusedByName() {
        CollocationSampler grid = new CollocationSampler(Samplers.create("grid"), SQUARE, 1, 1, 50, 0, new Random(2));
        GeopinnException e = assertThrows(GeopinnException.class, () -> grid.draw((p, m, out) -> { }, new double[100], 50));
        assertTrue(e.getMessage().contains("sampler 'grid'"), e.getMessage());
        Domain noInterior = new Domain(List.of("x"), new double[] {0}, new double[] {1}, List.of(DomainPart.interior("inside")));
        e = assertThrows(GeopinnException.class, () -> CollocationSampler.interior(noInterior));
        assertTrue(e.getMessage().contains("'interior'"), e.getMessage());
    }

    @Test
    void guidedPointsGatherWhereTheSolutionIsLarge() {
        int n = 4000;
        CollocationSampler sampler = new CollocationSampler(Samplers.create("uniform"), SQUARE, 1, 1, n, 0.5, new Random(2));
        double[] points = new double[2 * n];
        // The solution lives in the quarter x > 0, y > 0 only.
        sampler.draw((p, m, out) -> {
            for (int i = 0; i < m; i++) {
                out[i] = p[2 * i] > 0 && p[2 * i + 1] > 0 ? 1 : 0;
            }
        }, points, n);
        // Expected: a quarter of the uniform half plus the whole guided half = 0.625 n.
        assertEquals(0.625, inQuarter(points, n) / (double) n, 0.03);
    }

    @Test
    void withoutImportanceOrWithAZeroSolutionThePointsAreUniform() {
        int n = 4000;
        for (double importance : new double[] {0, 0.5}) {
            CollocationSampler sampler = new CollocationSampler(Samplers.create("sobol"), SQUARE, 1, 1, n, importance,
                    new Random(2));
            double[] points = new double[2 * n];
            sampler.draw((p, m, out) -> java.util.Arrays.fill(out, 0, m, 0.0), points, n);
            for (int i = 0; i < n; i++) {
                assertTrue(Math.abs(points[2 * i]) <= 1 && Math.abs(points[2 * i + 1]) <= 1);
            }
            assertEquals(0.25, inQuarter(points, n) / (double) n, 0.03);
        }
    }

    private static int inQuarter(double[] points, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (points[2 * i] > 0 && points[2 * i + 1] > 0) {
                count++;
            }
        }
        return count;
    }
}
