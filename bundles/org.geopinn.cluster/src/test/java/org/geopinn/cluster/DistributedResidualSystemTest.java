package org.geopinn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.geopinn.api.operator.LossScaling;
import org.geopinn.api.operator.ResidualSystem;
import org.geopinn.api.optimizer.Optimizer;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.optimizer.StepResult;
import org.geopinn.api.problem.Condition;
import org.geopinn.linalg.testing.PinnFixtures;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.geopinn.optimizer.engd.EngdFactory;
import org.geopinn.optimizer.gnpcg.GaussNewtonPcgFactory;
import org.geopinn.optimizer.lm.LmFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 2-D Laplace PINN whose collocation points are held in blocks by three real Hazelcast members
 * of this JVM: the members' sums (JᵀJ, Jᵀr, JᵀJ·v, the loss) equal the single-JVM ones, and the
 * steps of engd, lm and gn-pcg taken on the distributed system equal those taken on the
 * single-JVM system to 1e-12 (relative to the step's largest component).
 */
class DistributedResidualSystemTest {
    private final List<HazelcastInstance> members = new ArrayList<>();
    private PinnFixtures.Pinn pinn;

    private void start(int count) {
        start(count, BlockMemory.DEFAULT_SHARE);
    }

    /** @param share the share of the heap each member's kept block systems may take */
    private void start(int count, double share) {
        HazelcastLogging.quiet();
        int base = 20000 + ThreadLocalRandom.current().nextInt(20000);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add("127.0.0.1:" + (base + i));
        }
        for (int i = 0; i < count; i++) {
            HazelcastInstance h = Hazelcast.newHazelcastInstance(
                    MemberSettings.config("gram-" + base, addresses, "127.0.0.1", base, count, 1, 5, getClass().getClassLoader()));
            members.add(h);
            // a stand-in for the host's builder: the problem and model of the fixture, the scaling the description names
            Blocks.register(h.getName(), this::build, share);
        }
    }

    private ResidualSystem build(BlockModel model, Map<String, double[]> block) {
        return StackedResidualSystem.build(pinn.problem(), pinn.model(), block, LossScaling.valueOf(model.scaling()), EvaluatorFactory.EXACT);
    }

    /** Every member keeps at most this share of its heap in block systems for the blocks sent from now on. */
    private void share(double share) {
        members.forEach(m -> Blocks.register(m.getName(), this::build, share));
    }

    @AfterEach
    void stop() {
        members.forEach(m -> {
            Blocks.unregister(m.getName());
            m.getLifecycleService().terminate();
        });
    }

    private DistributedResidualSystem distributed(ResidualSystem whole, LossScaling scaling, int blocks) {
        return distributed(whole, scaling, blocks, NormalEquations.STRIPE_NUMBERS);
    }

    private DistributedResidualSystem distributed(ResidualSystem whole, LossScaling scaling, int blocks, long stripeNumbers) {
        Map<String, double[]> points = new LinkedHashMap<>();
        for (Condition c : pinn.problem().conditions()) {
            points.put(c.name(), whole.points(c.name()));
        }
        return new DistributedResidualSystem(members.get(0), BlockModel.of("laplace2d", "mlp", pinn.model().spec(), "autodiff", scaling),
                points, 2, blocks, pinn.model().layout(), stripeNumbers);
    }

    private double[] awayFromStart() {
        double[] theta = pinn.theta0().clone();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.01 * Math.sin(i); // every residual non-zero
        }
        return theta;
    }

    @Test
    void theMembersSumsAreTheSingleJvmOnesUnderMeanScaling() {
        // MEAN scaling, the default: a block divides by its own point count, its weights carry the share
        start(3);
        pinn = PinnFixtures.laplace(6, 400, 80, 3, LossScaling.MEAN);
        ResidualSystem whole = pinn.system();
        int p = whole.parameterCount();
        double[] theta = awayFromStart();
        try (DistributedResidualSystem d = distributed(whole, LossScaling.MEAN, 5)) {
            assertEquals(whole.residualCount(), d.residualCount());
            assertEquals(whole.groups(), d.groups());
            double[] gram = new double[p * p];
            double[] gradient = new double[p];
            double loss = d.normalEquations(theta, gram, gradient);
            assertGram(whole, theta, gram);
            double[] g1 = new double[p];
            assertEquals(whole.lossAndGradient(theta, g1), loss, 1e-12 * loss);
            assertClose(g1, gradient, "Jᵀr");
            double[] j = new double[whole.residualCount() * p];
            whole.jacobian(theta, j);
            double[] r = new double[whole.residualCount()];
            whole.residuals(theta, r);
            // the S-long operations gather and scatter the blocks' rows in the whole system's order
            double[] rd = new double[r.length];
            d.residuals(theta, rd);
            assertClose(r, rd, "r");
            double[] jd = new double[j.length];
            d.jacobian(theta, jd);
            assertClose(j, jd, "J");
            double[] u = new double[r.length];
            for (int k = 0; k < u.length; k++) {
                u[k] = Math.cos(k);
            }
            double[] jtu = new double[p];
            double[] jtuD = new double[p];
            whole.jacobianTransposeTimes(theta, u, jtu);
            d.jacobianTransposeTimes(theta, u, jtuD);
            assertClose(jtu, jtuD, "Jᵀu");
            assertClose(whole.groupLosses(theta), d.groupLosses(theta), "group losses");
            // new weights reach the blocks
            whole.setWeights(new double[] {2, 7});
            d.setWeights(new double[] {2, 7});
            assertEquals(whole.loss(theta), d.loss(theta), 1e-12 * whole.loss(theta));
        }
    }

    /**
     * ENGD's least-squares direction keeps every eigenvalue of JᵀJ above rcond·λ_max; a relative
     * change ε of G (here: a different order of summation) moves the direction by about
     * ε·λ_max/λ_min. At the default cut (eps·P) that is 1e-5 of the step on this network for two
     * single-JVM summations just as for the members' sum, so the comparison to 1e-12 uses a cut
     * at which the direction is determined to that accuracy: rcond = 1e-4.
     */
    @Test
    void engdStepsOnTheMembersEqualTheSingleJvmSteps() {
        sameSteps(new EngdFactory(), Map.of("rcond", 1e-4));
    }

    @Test
    void lmStepsOnTheMembersEqualTheSingleJvmSteps() {
        sameSteps(new LmFactory(), Map.of());
    }

    @Test
    void gnPcgStepsOnTheMembersEqualTheSingleJvmSteps() {
        sameSteps(new GaussNewtonPcgFactory(), Map.of());
    }

    /** Four steps of fresh optimizers on each system: the same θ (and the same verdict) after every step. */
    private void sameSteps(OptimizerFactory factory, Map<String, ?> settings) {
        start(3);
        pinn = PinnFixtures.laplace(6, 400, 80, 3, LossScaling.MEAN);
        ResidualSystem whole = pinn.system();
        try (DistributedResidualSystem d = distributed(whole, LossScaling.MEAN, 5)) {
            Optimizer single = factory.create(settings);
            Optimizer spread = factory.create(settings);
            double[] start = pinn.theta0().clone();
            double[] a = start.clone();
            double[] b = start.clone();
            int accepted = 0;
            for (int step = 1; step <= 4; step++) {
                StepResult ra = single.step(whole, a);
                StepResult rb = spread.step(d, b);
                assertEquals(ra.accepted(), rb.accepted(), factory.id() + " step " + step + ": one JVM " + ra.detail() + "; members " + rb.detail());
                accepted += ra.accepted() ? 1 : 0;
                double moved = 0;
                double worst = 0;
                for (int i = 0; i < a.length; i++) {
                    moved = Math.max(moved, Math.abs(a[i] - start[i]));
                    worst = Math.max(worst, Math.abs(a[i] - b[i]));
                }
                assertTrue(worst <= 1e-12 * moved, factory.id() + " step " + step + ": θ differs by " + worst
                        + ", the steps so far moved it by up to " + moved);
                assertEquals(ra.lossAfter(), rb.lossAfter(), 1e-12 * ra.lossBefore(), factory.id() + " step " + step + ": loss");
            }
            assertTrue(accepted >= 1, factory.id() + ": no step of 4 accepted");
        }
    }

    /**
     * Two members and seven blocks (four on one, three on the other; 68 to 70 rows, so a member's
     * work buffers change size between its blocks), JᵀJ's packed rows sent in stripes of at most
     * 100 numbers: every member answers each product once, having summed its
     * own blocks, and the sums equal the single-JVM ones to 1e-12.
     */
    @Test
    void eachMemberSumsItsOwnBlocksBeforeAnsweringOncePerProduct() {
        start(2);
        pinn = PinnFixtures.laplace(6, 400, 80, 3, LossScaling.MEAN);
        ResidualSystem whole = pinn.system();
        int p = whole.parameterCount();
        assertTrue(NormalEquations.stripes(p, 100).length > 3, "the test must cut JᵀJ into several stripes");
        double[] theta = awayFromStart();
        try (DistributedResidualSystem d = distributed(whole, LossScaling.MEAN, 7, 100)) {
            long[] before = evaluations();
            double[] gram = new double[p * p];
            java.util.Arrays.fill(gram, 7); // the system overwrites, it does not add to what the caller's matrix held
            double[] gradient = new double[p];
            double loss = d.normalEquations(theta, gram, gradient);
            assertOncePerMember(before, "normal equations");
            assertGram(whole, theta, gram);
            double[] g1 = new double[p];
            assertEquals(whole.lossAndGradient(theta, g1), loss, 1e-12 * loss);
            assertClose(g1, gradient, "Jᵀr");
            for (HazelcastInstance m : members) {
                assertEquals(0, Blocks.sumsHeld(m.getName()), "a member still holds its sum after its last stripe was fetched");
            }

            before = evaluations();
            double[] v = new double[p];
            for (int i = 0; i < p; i++) {
                v[i] = Math.cos(3 * i);
            }
            double[] gv = new double[p];
            d.gaussNewtonTimes(theta, v, gv);
            assertOncePerMember(before, "JᵀJ·v");
            double[] jv = new double[whole.residualCount()];
            double[] expected = new double[p];
            whole.jacobianTimes(theta, v, jv);
            whole.jacobianTransposeTimes(theta, jv, expected);
            assertClose(expected, gv, "JᵀJ·v");

            before = evaluations();
            double[] g2 = new double[p];
            assertEquals(whole.lossAndGradient(theta, g1), d.lossAndGradient(theta, g2), 1e-12 * loss);
            assertOncePerMember(before, "loss and gradient");
            assertClose(g1, g2, "gradient");

            before = evaluations();
            double[] r = new double[whole.residualCount()];
            double[] rd = new double[r.length];
            whole.residuals(theta, r);
            d.residuals(theta, rd);
            assertOncePerMember(before, "residuals");
            assertClose(r, rd, "r (gathered from the members' concatenated blocks)");
        }
    }

    /**
     * Members that keep only their blocks' points (share 0) recompute each block's forward pass
     * per product in one work system: JᵀJ, Jᵀr, JᵀJ·v and the loss equal those of members that
     * keep every block's system to 1e-12, so do four steps of lm and gn-pcg; each member holds
     * its points (8·d bytes per point, counted) and one work system, where keeping the systems
     * holds several times more.
     */
    @Test
    void membersThatKeepOnlyPointsGiveTheStepsOfMembersThatKeepTheBlocks() {
        start(2, 1.0);
        pinn = PinnFixtures.laplace(6, 400, 80, 3, LossScaling.MEAN);
        ResidualSystem whole = pinn.system();
        int p = whole.parameterCount();
        double[] theta = awayFromStart();
        try (DistributedResidualSystem kept = distributed(whole, LossScaling.MEAN, 7)) {
            long[] keptBytes = new long[members.size()];
            for (int m = 0; m < members.size(); m++) {
                Blocks.Holding h = Blocks.holding(members.get(m).getName());
                assertEquals(m == 0 ? 4 : 3, h.keptSystems(), "member " + m + " keeps every block's system");
                assertEquals(0, h.workSystems());
                keptBytes[m] = h.bytes();
            }
            share(0);
            try (DistributedResidualSystem recomputed = distributed(whole, LossScaling.MEAN, 7)) {
                for (int m = 0; m < members.size(); m++) {
                    Blocks.Holding h = Blocks.holding(members.get(m).getName());
                    long held = h.bytes() - keptBytes[m];
                    assertEquals(m == 0 ? 4 : 3, h.pointBlocks(), "member " + m + " keeps only the points of its blocks");
                    assertEquals(1, h.workSystems(), "member " + m + ": one work system for all its recomputed blocks");
                    // its points: 2 coordinates of 68–70 points per block; and the one work system, about a kept block's size
                    long pointBytes = 0;
                    for (int b = m; b < 7; b += 2) {
                        for (double[] points : pointsOf(whole).values()) {
                            int n = points.length / 2;
                            pointBytes += 8L * 2 * (n * (b + 1L) / 7 - n * (long) b / 7);
                        }
                    }
                    long work = held - pointBytes;
                    assertTrue(work > 0 && work < 2 * keptBytes[m] / h.pointBlocks(), "member " + m + ": the work system holds " + work
                            + " bytes, a kept block about " + keptBytes[m] / h.pointBlocks());
                    assertTrue(held < keptBytes[m] / 2, "member " + m + " holds " + held + " bytes recomputing, " + keptBytes[m] + " keeping");
                }
                double[] gk = new double[p * p];
                double[] gr = new double[p * p];
                double[] rk = new double[p];
                double[] rr = new double[p];
                assertEquals(kept.normalEquations(theta, gk, rk), recomputed.normalEquations(theta, gr, rr), 1e-12 * kept.loss(theta));
                assertClose(gk, gr, "JᵀJ (recomputed against kept)");
                assertClose(rk, rr, "Jᵀr (recomputed against kept)");
                double[] v = new double[p];
                for (int i = 0; i < p; i++) {
                    v[i] = Math.sin(2 * i);
                }
                kept.gaussNewtonTimes(theta, v, rk);
                recomputed.gaussNewtonTimes(theta, v, rr);
                assertClose(rk, rr, "JᵀJ·v (recomputed against kept)");
                sameSteps(new LmFactory(), Map.of(), kept, recomputed);
                sameSteps(new GaussNewtonPcgFactory(), Map.of(), kept, recomputed);
            }
        }
    }

    /**
     * A share of the heap that holds about two and a half block systems: a member keeps some of
     * its blocks and recomputes the others, and the sums equal those of a member keeping all.
     */
    @Test
    void aMemberKeepsWhatFitsItsShareAndRecomputesTheRest() {
        start(1, 1.0);
        pinn = PinnFixtures.laplace(6, 400, 80, 3, LossScaling.MEAN);
        ResidualSystem whole = pinn.system();
        int p = whole.parameterCount();
        double[] theta = awayFromStart();
        try (DistributedResidualSystem kept = distributed(whole, LossScaling.MEAN, 6)) {
            Blocks.Holding all = Blocks.holding(members.get(0).getName());
            assertEquals(6, all.keptSystems());
            share(2.5 * all.bytes() / 6 / Runtime.getRuntime().maxMemory());
            // the share counts the systems kept already: release them first
            try (DistributedResidualSystem mixed = distributedAfterReleasing(kept, whole)) {
                Blocks.Holding h = Blocks.holding(members.get(0).getName());
                assertTrue(h.keptSystems() >= 1 && h.keptSystems() <= 3 && h.pointBlocks() == 6 - h.keptSystems(),
                        "kept " + h.keptSystems() + ", points only " + h.pointBlocks());
                assertEquals(1, h.workSystems());
                double[] gm = new double[p * p];
                double[] rk = new double[p];
                double[] rm = new double[p];
                whole.setWeights(new double[] {3, 0.5});
                mixed.setWeights(new double[] {3, 0.5});
                mixed.normalEquations(theta, gm, rm);
                assertGram(whole, theta, gm);
                assertEquals(whole.lossAndGradient(theta, rk), mixed.lossAndGradient(theta, rm), 1e-12 * whole.loss(theta));
                assertClose(rk, rm, "Jᵀr (some blocks kept, some recomputed)");
            }
        }
    }

    private DistributedResidualSystem distributedAfterReleasing(DistributedResidualSystem old, ResidualSystem whole) {
        old.close();
        long until = System.currentTimeMillis() + 10_000;
        while (Blocks.holding(members.get(0).getName()).keptSystems() > 0 && System.currentTimeMillis() < until) {
            Thread.onSpinWait();
        }
        return distributed(whole, LossScaling.MEAN, 6);
    }

    private Map<String, double[]> pointsOf(ResidualSystem whole) {
        Map<String, double[]> points = new LinkedHashMap<>();
        for (Condition c : pinn.problem().conditions()) {
            points.put(c.name(), whole.points(c.name()));
        }
        return points;
    }

    /** Four steps of fresh optimizers on two systems: the same θ and verdict after every step, to 1e-12 of how far θ moved. */
    private void sameSteps(OptimizerFactory factory, Map<String, ?> settings, ResidualSystem one, ResidualSystem other) {
        Optimizer first = factory.create(settings);
        Optimizer second = factory.create(settings);
        double[] start = pinn.theta0().clone();
        double[] a = start.clone();
        double[] b = start.clone();
        for (int step = 1; step <= 4; step++) {
            StepResult ra = first.step(one, a);
            StepResult rb = second.step(other, b);
            assertEquals(ra.accepted(), rb.accepted(), factory.id() + " step " + step);
            double moved = 0;
            double worst = 0;
            for (int i = 0; i < a.length; i++) {
                moved = Math.max(moved, Math.abs(a[i] - start[i]));
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
            }
            assertTrue(worst <= 1e-12 * moved, factory.id() + " step " + step + ": θ differs by " + worst + " of " + moved);
        }
    }

    private long[] evaluations() {
        return members.stream().mapToLong(m -> Blocks.evaluations(m.getName())).toArray();
    }

    private void assertOncePerMember(long[] before, String what) {
        long[] after = evaluations();
        for (int i = 0; i < after.length; i++) {
            assertEquals(before[i] + 1, after[i], what + ": member " + i + " evaluated " + (after[i] - before[i]) + " times for one product");
        }
    }

    /** JᵀJ from the single-JVM Jacobian, entry by entry, against the distributed one. */
    private static void assertGram(ResidualSystem whole, double[] theta, double[] gram) {
        int p = whole.parameterCount();
        int s = whole.residualCount();
        double[] j = new double[s * p];
        whole.jacobian(theta, j);
        double scale = 0;
        double worst = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double g = 0;
                for (int k = 0; k < s; k++) {
                    g += j[k * p + a] * j[k * p + b];
                }
                scale = Math.max(scale, Math.abs(g));
                worst = Math.max(worst, Math.abs(g - gram[a * p + b]));
            }
        }
        assertTrue(worst <= 1e-12 * scale, "JᵀJ: worst difference " + worst + " against " + scale);
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= 1e-12 * scale, what + ": worst difference " + worst + " against " + scale);
    }
}
