package org.geopinn.itest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geopinn.itest.BundleImportRulesTest.Bundle;

/**
 * The import rules of docs/ARCHITECTURE.md: layers (0 the API, 1 libraries, 2 services, 3 the
 * engine, 4 front ends and any bundle not named), imports only downward, a few listed
 * same-layer imports between services, and optimizers that see only the API and the libraries
 * they compute with.
 */
final class ImportRules {
    private static final String P = "org.geopinn.";
    private static final Set<String> LIBRARIES = Set.of(P + "expr", P + "settings", P + "linalg", P + "ejml", P + "kernels.native", P + "autodiff",
            P + "problem.builder", P + "geometry", P + "reporting");
    private static final Set<String> SERVICES = Set.of(P + "problems", P + "models", P + "operators", P + "samplers", P + "weighting",
            P + "diagnostics", P + "evolution");
    private static final String ENGINE = P + "engine";
    /** Imports between two services, each a design decision written in docs/ARCHITECTURE.md. */
    private static final Map<String, Set<String>> SERVICE_TO_SERVICE = Map.of(
            P + "diagnostics", Set.of(P + "operators"),
            P + "evolution", Set.of(P + "operators"));
    /** All an optimizer may import: it works against the residual-system contract only. */
    private static final Set<String> OPTIMIZER_MAY_IMPORT = Set.of(P + "api", P + "settings", P + "linalg", P + "ejml");

    private ImportRules() {
    }

    /** @param bsn a bundle's symbolic name @return its layer */
    static int layer(String bsn) {
        if (bsn.equals(P + "api")) {
            return 0;
        } else if (LIBRARIES.contains(bsn)) {
            return 1;
        } else if (SERVICES.contains(bsn) || isOptimizer(bsn)) {
            return 2;
        } else if (bsn.equals(ENGINE)) {
            return 3;
        }
        return 4;
    }

    private static boolean isOptimizer(String bsn) {
        return bsn.startsWith(P + "optimizer.");
    }

    /**
     * @param bundles the built bundles
     * @return one line per import that breaks a rule, empty when all keep them
     */
    static List<String> violations(List<Bundle> bundles) {
        Map<String, String> exporter = new HashMap<>();
        for (Bundle b : bundles) {
            b.exports().forEach(p -> exporter.put(p, b.name()));
        }
        List<String> out = new ArrayList<>();
        for (Bundle b : bundles) {
            for (String p : b.imports()) {
                String from = exporter.get(p);
                if (from == null) {
                    if (p.startsWith(P)) {
                        out.add(b.name() + " imports " + p + ", exported by no bundle (an implementation package of another bundle?)");
                    }
                    continue;
                }
                if (from.equals(b.name())) {
                    continue;
                }
                String why = forbidden(b.name(), from);
                if (why != null) {
                    out.add(b.name() + " imports " + p + " of " + from + ": " + why);
                }
            }
        }
        return out;
    }

    /** @return why {@code bsn} must not import from {@code from}, or null when it may */
    private static String forbidden(String bsn, String from) {
        int own = layer(bsn);
        int theirs = layer(from);
        if (own == 0) {
            return "the API imports nothing of Geopinn's";
        }
        if (isOptimizer(from) || from.equals(ENGINE)) {
            return "optimizers and the engine are reached as services, never by their packages";
        }
        if (isOptimizer(bsn)) {
            return OPTIMIZER_MAY_IMPORT.contains(from) ? null : "an optimizer imports only the API, settings, linalg and EJML";
        }
        if (theirs < own) {
            return null;
        }
        if (theirs > own) {
            return "layer " + own + " must not import from layer " + theirs;
        }
        return switch (own) {
            case 1, 4 -> null;
            case 2 -> SERVICE_TO_SERVICE.getOrDefault(bsn, Set.of()).contains(from) ? null
                    : "a service imports another service's package only where docs/ARCHITECTURE.md lists it";
            default -> "not allowed in layer " + own;
        };
    }
}
