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
import org.geopinn.api.problem.Condition;
import org.geopinn.linalg.testing.PinnFixtures;
import org.geopinn.operators.EvaluatorFactory;
import org.geopinn.operators.StackedResidualSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Normal equations of a 2-D Laplace PINN whose collocation points are held in blocks by three
 * real Hazelcast members of this JVM: the sum of the members' parts equals the single-JVM JᵀJ,
 * Jᵀr and loss to 1e-12 (relative to the largest entry).
 */
class DistributedNormalEquationsTest {
    private final List<HazelcastInstance> members = new ArrayList<>();

    @AfterEach
    void stop() {
        members.forEach(m -> {
            Blocks.unregister(m.getName());
            m.getLifecycleService().terminate();
        });
    }

    @Test
    void theDistributedProductEqualsTheSingleJvmOne() {
        HazelcastLogging.quiet();
        // SUM scaling: the rows of a block are exactly the whole system's rows for those points
        PinnFixtures.Pinn pinn = PinnFixtures.laplace(6, 400, 80, 3, LossScaling.SUM);
        ResidualSystem whole = pinn.system();
        Map<String, double[]> points = new LinkedHashMap<>();
        for (Condition c : pinn.problem().conditions()) {
            points.put(c.name(), whole.points(c.name()));
        }
        int base = 20000 + ThreadLocalRandom.current().nextInt(20000);
        List<String> addresses = List.of("127.0.0.1:" + base, "127.0.0.1:" + (base + 1), "127.0.0.1:" + (base + 2));
        for (int i = 0; i < 3; i++) {
            HazelcastInstance h = Hazelcast.newHazelcastInstance(
                    MemberSettings.config("gram-" + base, addresses, "127.0.0.1", base, 3, 1, 5, getClass().getClassLoader()));
            members.add(h);
            // a stand-in for the host's builder: the problem and model of the fixture, the scaling the description names
            Blocks.register(h.getName(), (model, block) -> StackedResidualSystem.build(pinn.problem(), pinn.model(), block,
                    LossScaling.valueOf(model.scaling()), EvaluatorFactory.EXACT));
        }
        int p = whole.parameterCount();
        double[] theta = pinn.theta0().clone();
        for (int i = 0; i < p; i++) {
            theta[i] += 0.01 * Math.sin(i); // away from the initial point: every residual is non-zero
        }
        NormalEquations single = NormalEquations.sum(p, List.of(NormalEquations.part(whole, theta)));
        try (DistributedNormalEquations distributed = new DistributedNormalEquations(members.get(0),
                BlockModel.of("laplace2d", "mlp", pinn.model().spec(), "autodiff", LossScaling.SUM), points, 2, 5, p)) {
            NormalEquations d = distributed.at(theta);
            double scale = 0;
            for (double g : single.gramUpper()) {
                scale = Math.max(scale, Math.abs(g));
            }
            double worst = 0;
            for (int i = 0; i < single.gramUpper().length; i++) {
                worst = Math.max(worst, Math.abs(d.gramUpper()[i] - single.gramUpper()[i]));
            }
            assertTrue(worst <= 1e-12 * scale, "JᵀJ: worst difference " + worst + " against " + scale);
            double gscale = 0;
            double gworst = 0;
            for (int i = 0; i < p; i++) {
                gscale = Math.max(gscale, Math.abs(single.gradient()[i]));
                gworst = Math.max(gworst, Math.abs(d.gradient()[i] - single.gradient()[i]));
            }
            assertTrue(gworst <= 1e-12 * gscale, "Jᵀr: worst difference " + gworst + " against " + gscale);
            assertEquals(single.loss(), d.loss(), 1e-12 * single.loss());
            assertEquals(whole.loss(theta), d.loss(), 1e-12 * single.loss(), "the loss is the system's own");
            // Jᵀr is the system's gradient
            double[] gradient = new double[p];
            whole.lossAndGradient(theta, gradient);
            for (int i = 0; i < p; i++) {
                assertEquals(gradient[i], d.gradient()[i], 1e-10 * gscale);
            }
            // a second step: only θ travels, the blocks are held
            theta[0] += 0.1;
            NormalEquations next = distributed.at(theta);
            NormalEquations nextSingle = NormalEquations.sum(p, List.of(NormalEquations.part(whole, theta)));
            assertEquals(nextSingle.gram(0, 0), next.gram(0, 0), 1e-12 * Math.abs(nextSingle.gram(0, 0)));
            assertTrue(Math.abs(next.gram(0, 0) - d.gram(0, 0)) > 0, "the new θ was used");
        }
    }
}
