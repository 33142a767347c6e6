package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.diagnostic.Diagnostic;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.operator.OperatorEngine;
import org.geopinn.api.optimizer.OptimizerFactory;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.sampler.Sampler;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.Command;
import org.geopinn.api.weighting.LossWeightingFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** list shows what the installed bundles provide: every kind of service, read from the registry. */
class CatalogTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, Class<?>> KINDS = new LinkedHashMap<>();
    static {
        KINDS.put("problems", Problem.class);
        KINDS.put("models", ModelFactory.class);
        KINDS.put("engines", OperatorEngine.class);
        KINDS.put("samplers", Sampler.class);
        KINDS.put("optimizers", OptimizerFactory.class);
        KINDS.put("weightings", LossWeightingFactory.class);
        KINDS.put("diagnostics", Diagnostic.class);
        KINDS.put("commands", Command.class);
    }

    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void theCatalogListsEveryServiceOfEveryKindAndNothingElse() {
        Catalog catalog = host.service(Catalog.class, null, WAIT);
        for (Map.Entry<String, Class<?>> kind : KINDS.entrySet()) {
            List<String> registered = host.ids(kind.getValue());
            List<String> listed = catalog.entries().getOrDefault(kind.getKey(), List.of()).stream()
                    .map(Catalog.Entry::id).sorted().toList();
            assertEquals(registered, listed, kind.getKey());
        }
        for (String kind : List.of("problems", "models", "engines", "samplers", "optimizers")) {
            assertFalse(catalog.entries().get(kind).isEmpty(), "no " + kind + " found");
        }
        assertTrue(ids(catalog, "problems").contains("laplace2d"), ids(catalog, "problems").toString());
        assertTrue(ids(catalog, "models").contains("mlp"));
        assertTrue(ids(catalog, "optimizers").containsAll(List.of("gd", "adam", "lbfgs")), ids(catalog, "optimizers").toString());
    }

    @Test
    void stoppingABundleTakesItsServicesOutOfTheListAndStartingItBringsThemBack() throws Exception {
        Catalog catalog = host.service(Catalog.class, null, WAIT);
        Bundle adam = host.bundle("org.geopinn.optimizer.adam");
        assertTrue(ids(catalog, "optimizers").contains("adam"));
        adam.stop();
        try {
            assertTrue(TestHost.waitUntil(() -> !ids(catalog, "optimizers").contains("adam"), WAIT));
            assertTrue(ids(catalog, "optimizers").contains("gd"), "other optimizers stay");
        } finally {
            adam.start();
        }
        assertTrue(TestHost.waitUntil(() -> ids(catalog, "optimizers").contains("adam"), WAIT));
        Catalog.Entry entry = catalog.entries().get("optimizers").stream().filter(e -> e.id().equals("adam")).findFirst().orElseThrow();
        assertEquals("org.geopinn.optimizer.adam", entry.bundle());
    }

    private static List<String> ids(Catalog catalog, String kind) {
        return catalog.entries().getOrDefault(kind, List.of()).stream().map(Catalog.Entry::id).toList();
    }
}
