package org.geopinn.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.sampler.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SamplersTest {

    static Domain box(int d) {
        List<String> names = new ArrayList<>();
        double[] lo = new double[d];
        double[] hi = new double[d];
        int[] all = new int[d];
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
            lo[j] = -1 + j;
            hi[j] = 1 + 2 * j;
            all[j] = j;
        }
        return new Domain(names, lo, hi, List.of(DomainPart.interior("interior"), DomainPart.face("low", 0, false),
                DomainPart.face("high", d - 1, true), DomainPart.boundary("boundary", all)));
    }

    static Stream<Arguments> cases() {
        return Samplers.ids().stream().flatMap(id -> Stream.of(1, 2, 3, 5).flatMap(d -> box(d).parts().stream()
                .map(p -> Arguments.of(id, d, p.name()))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void pointsLieOnTheirPartAndAreReproducible(String id, int d, String partName) {
        Domain domain = box(d);
        DomainPart part = domain.part(partName);
        Sampler s = Samplers.create(id);
        assertEquals(id, s.id());
        double[] p = s.sample(domain, part, 37, 5, Map.of());
        assertEquals(0, p.length % d);
        int n = p.length / d;
        if (d == 1 && part.kind() != DomainPart.Kind.INTERIOR) {
            assertEquals(part.kind() == DomainPart.Kind.FACE ? 1 : 2, n, "a face of a 1-D domain is one point");
        } else if (id.equals("grid")) {
            assertTrue(n >= 37, "grid rounds up");
        } else {
            assertEquals(37, n);
        }
        for (int i = 0; i < n; i++) {
            boolean onSomeFace = false;
            for (int j = 0; j < d; j++) {
                double x = p[i * d + j];
                assertTrue(x >= domain.lower(j) && x <= domain.upper(j), "inside the box");
                boolean atBound = x == domain.lower(j) || x == domain.upper(j);
                if (part.kind() == DomainPart.Kind.INTERIOR) {
                    assertFalse(atBound, "interior points are strictly inside");
                }
                onSomeFace |= atBound;
            }
            if (part.kind() == DomainPart.Kind.FACE) {
                int j = part.variable();
                assertEquals(part.upper() ? domain.upper(j) : domain.lower(j), p[i * d + j], 0);
            } else if (part.kind() == DomainPart.Kind.BOUNDARY) {
                assertTrue(onSomeFace);
            }
        }
        assertArrayEquals(p, s.sample(domain, part, 37, 5, Map.of()), "same seed, same points");
        if (!id.equals("grid") && !(d == 1 && part.kind() != DomainPart.Kind.INTERIOR)) {
            assertFalse(Arrays.equals(p, s.sample(domain, part, 37, 6, Map.of())), "another seed, other points");
        }
    }

    @Test
    void gridOfTheLaplaceReference() {
        Domain unit = new Domain(List.of("x", "y"), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0, 1), DomainPart.face("left", 0, false)));
        Sampler grid = Samplers.create("grid");
        double[] inside = grid.sample(unit, unit.part("interior"), 900, 0, Map.of());
        assertEquals(900 * 2, inside.length);
        Set<Double> xs = new HashSet<>();
        for (int i = 0; i < 900; i++) {
            xs.add(inside[2 * i]);
        }
        assertEquals(30, xs.size());
        assertTrue(xs.contains(1.0 / 31) && xs.contains(30.0 / 31));
        double[] boundary = grid.sample(unit, unit.part("boundary"), 120, 0, Map.of());
        assertEquals(120, boundary.length / 2);
        assertDistinct(boundary, 2);
        int corners = 0;
        for (int i = 0; i < 120; i++) {
            double x = boundary[2 * i];
            double y = boundary[2 * i + 1];
            assertTrue(x == 0 || x == 1 || y == 0 || y == 1);
            if ((x == 0 || x == 1) && (y == 0 || y == 1)) {
                corners++;
            }
        }
        assertEquals(4, corners, "each corner once");
        double[] left = grid.sample(unit, unit.part("left"), 30, 0, Map.of());
        assertEquals(30, left.length / 2);
        for (int i = 0; i < 30; i++) {
            assertTrue(left[2 * i + 1] > 0 && left[2 * i + 1] < 1, "a face grid stays off its edges");
        }
    }

    @Test
    void gridBoundaryIn3dHasNoDuplicatesAndSpatialWallsKeepTimeClosed() {
        Domain cube = box(3);
        double[] b = Samplers.create("grid").sample(cube, cube.part("boundary"), 500, 0, Map.of());
        assertTrue(b.length / 3 >= 500);
        assertDistinct(b, 3);
        Domain heat = new Domain(List.of("t", "x"), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.boundary("walls", 1)));
        double[] walls = Samplers.create("grid").sample(heat, heat.part("walls"), 40, 0, Map.of());
        assertEquals(40, walls.length / 2);
        for (int i = 0; i < 40; i++) {
            assertTrue(walls[2 * i + 1] == 0 || walls[2 * i + 1] == 1);
        }
    }

    @Test
    void boundaryPointsAreSharedByFaceMeasure() {
        Domain rect = new Domain(List.of("x", "y"), new double[] {0, 0}, new double[] {1, 2},
                List.of(DomainPart.boundary("boundary", 0, 1)));
        for (String id : List.of("uniform", "sobol", "halton", "lhs")) {
            double[] p = Samplers.create(id).sample(rect, rect.part("boundary"), 600, 1, Map.of());
            int[] counts = new int[4];
            for (int i = 0; i < 600; i++) {
                double x = p[2 * i];
                double y = p[2 * i + 1];
                counts[x == 0 ? 0 : x == 1 ? 1 : y == 0 ? 2 : 3]++;
            }
            assertArrayEquals(new int[] {200, 200, 100, 100}, counts, id);
        }
    }

    @Test
    void latinHypercubeHasOnePointPerStratumOnEveryAxis() {
        Domain cube = box(3);
        int n = 64;
        double[] p = Samplers.create("lhs").sample(cube, cube.part("interior"), n, 3, Map.of());
        for (int j = 0; j < 3; j++) {
            boolean[] hit = new boolean[n];
            for (int i = 0; i < n; i++) {
                double u = (p[i * 3 + j] - cube.lower(j)) / (cube.upper(j) - cube.lower(j));
                hit[Math.min(n - 1, (int) (u * n))] = true;
            }
            for (boolean h : hit) {
                assertTrue(h);
            }
        }
    }

    @Test
    void quasiRandomPointsAreMoreEvenThanRandomOnes() {
        Domain unit = new Domain(List.of("x", "y"), new double[] {0, 0}, new double[] {1, 1}, List.of(DomainPart.interior("i")));
        double sobol = discrepancy(Samplers.create("sobol").sample(unit, unit.part("i"), 1024, 1, Map.of()));
        double halton = discrepancy(Samplers.create("halton").sample(unit, unit.part("i"), 1024, 1, Map.of()));
        double uniform = discrepancy(Samplers.create("uniform").sample(unit, unit.part("i"), 1024, 1, Map.of()));
        assertTrue(sobol < uniform / 2, sobol + " vs " + uniform);
        assertTrue(halton < uniform / 2, halton + " vs " + uniform);
        double plain = discrepancy(Samplers.create("sobol").sample(unit, unit.part("i"), 1024, 1, Map.of("randomize", "false")));
        assertTrue(plain < uniform / 2);
    }

    /** Largest gap between the share of points in [0,a)×[0,b) and its area, over a 32×32 set of boxes. */
    private static double discrepancy(double[] p) {
        int n = p.length / 2;
        double worst = 0;
        for (int a = 1; a <= 32; a++) {
            for (int b = 1; b <= 32; b++) {
                int in = 0;
                for (int i = 0; i < n; i++) {
                    if (p[2 * i] < a / 32.0 && p[2 * i + 1] < b / 32.0) {
                        in++;
                    }
                }
                worst = Math.max(worst, Math.abs(in / (double) n - a * b / 1024.0));
            }
        }
        return worst;
    }

    @Test
    void clusteringConcentratesPointsTowardTheChosenFace() {
        Domain layer = new Domain(List.of("x"), new double[] {0}, new double[] {1}, List.of(DomainPart.interior("i")));
        int n = 4000;
        double expectedShare = Math.log1p(0.1 * Math.expm1(3)) / 3; // s⁻¹(0.1) for β = 3
        for (String id : Samplers.ids()) {
            double[] lower = Samplers.create(id).sample(layer, layer.part("i"), n, 2,
                    Map.of("cluster.variable", "x", "cluster.side", "lower", "cluster.strength", "3"));
            double[] upper = Samplers.create(id).sample(layer, layer.part("i"), n, 2,
                    Map.of("cluster.variable", "x", "cluster.side", "upper"));
            double[] both = Samplers.create(id).sample(layer, layer.part("i"), n, 2,
                    Map.of("cluster.variable", "x", "cluster.side", "both", "cluster.strength", "2"));
            assertEquals(expectedShare, share(lower, x -> x < 0.1), 0.03, id);
            assertEquals(expectedShare, share(upper, x -> x > 0.9), 0.03, id);
            double ends = share(both, x -> x < 0.1 || x > 0.9);
            assertTrue(ends > 0.3, id + " both ends: " + ends);
            assertEquals(share(both, x -> x < 0.1), share(both, x -> x > 0.9), 0.03, id);
        }
    }

    @Test
    void clusteringKeepsFacePointsOnTheirFace() {
        Domain unit = new Domain(List.of("x", "y"), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.boundary("b", 0, 1)));
        double[] p = Samplers.create("sobol").sample(unit, unit.part("b"), 200, 1,
                Map.of("cluster.variable", "x", "cluster.strength", "5"));
        for (int i = 0; i < 200; i++) {
            double x = p[2 * i];
            double y = p[2 * i + 1];
            assertTrue(x == 0 || x == 1 || y == 0 || y == 1);
        }
    }

    private static double share(double[] xs, java.util.function.DoublePredicate test) {
        return Arrays.stream(xs).filter(test).count() / (double) xs.length;
    }

    @Test
    void badRequestsGiveOneLineErrors() {
        Domain unit = box(2);
        DomainPart interior = unit.part("interior");
        GeopinnException e = assertThrows(GeopinnException.class,
                () -> Samplers.create("sobol").sample(unit, interior, 10, 0, Map.of("scramble", "yes")));
        assertTrue(e.getMessage().contains("unknown option 'scramble'") && e.getMessage().contains("randomize"), e.getMessage());
        e = assertThrows(GeopinnException.class,
                () -> Samplers.create("grid").sample(unit, interior, 10, 0, Map.of("cluster.variable", "z")));
        assertTrue(e.getMessage().contains("not a variable"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> Samplers.create("uniform").sample(unit, interior, 10, 0,
                Map.of("cluster.variable", "x0", "cluster.side", "left")));
        assertTrue(e.getMessage().contains("lower, upper, both"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> Samplers.create("uniform").sample(unit, interior, 10, 0,
                Map.of("cluster.variable", "x0", "cluster.strength", "-1")));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> Samplers.create("lhs").sample(unit, interior, 0, 0, Map.of()));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> Samplers.create("lhs").sample(unit, interior, 5, 0, Map.of("centered", "maybe")));
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> Samplers.create("mesh"));
        assertTrue(e.getMessage().contains("grid"), e.getMessage());
        Domain big = box(41);
        e = assertThrows(GeopinnException.class, () -> Samplers.create("halton").sample(big, big.part("interior"), 5, 0, Map.of()));
        assertTrue(e.getMessage().contains("40"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> Samplers.create("grid").sample(unit, DomainPart.boundary("none"), 5, 0, Map.of()));
        assertTrue(e.getMessage().contains("lists no variables"), e.getMessage());
        e = assertThrows(GeopinnException.class, () -> Samplers.create("sobol").sample(unit, DomainPart.face("top", 2, true), 5, 0, Map.of()));
        assertTrue(e.getMessage().contains("variable #2"), e.getMessage());
        for (String msg : List.of(e.getMessage())) {
            assertFalse(msg.contains("\n"));
        }
    }

    private static void assertDistinct(double[] p, int d) {
        Set<List<Double>> seen = new HashSet<>();
        for (int i = 0; i < p.length / d; i++) {
            List<Double> key = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                key.add(p[i * d + j]);
            }
            assertTrue(seen.add(key), "duplicate point " + key);
        }
    }
}
