package org.geopinn.problems.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.geopinn.api.problem.Condition;
import org.junit.jupiter.api.Test;

/** Configuration (as Declarative Services passes it) reaches the problems' coefficients. */
class ConfiguredComponentsTest {

    /** An instance of a configuration annotation with the given values, defaults for the rest. */
    @SuppressWarnings("unchecked")
    static <A> A config(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            return method.getDefaultValue();
        });
    }

    private static double sourceAt(Condition c, double x) {
        return c.source().value(new double[] {x});
    }

    @Test
    void theCouplingOfThermoelasticityIsConfiguration() {
        Thermoelastic1d weak = new Thermoelastic1d(config(Thermoelastic1d.Config.class, Map.of("gamma", 0.1)));
        Thermoelastic1d strong = new Thermoelastic1d(config(Thermoelastic1d.Config.class, Map.of("gamma", 10.0)));
        // f_u = 4π² sin 2πx + γπ cos πx: at x = 0 it is γπ.
        assertEquals(0.1 * Math.PI, sourceAt(weak.conditions().get(1), 0), 1e-12);
        assertEquals(10 * Math.PI, sourceAt(strong.conditions().get(1), 0), 1e-12);
        assertTrue(strong.description().contains("10.0"));
        assertEquals("thermoelastic1d", strong.id());
    }

    @Test
    void theRatesOfReactionDiffusionScaleWithTheCoupling() {
        ReactionDiffusion1d base = new ReactionDiffusion1d(config(ReactionDiffusion1d.Config.class, Map.of()));
        ReactionDiffusion1d strong = new ReactionDiffusion1d(config(ReactionDiffusion1d.Config.class, Map.of("coupling", 10.0)));
        // f₁(0) = −k₁ c_A(0) + k₂ c_B(0) = −2k₁ + 3k₂ with k₁ = 1, k₂ = 0.5 times the coupling.
        assertEquals(-2 + 1.5, sourceAt(base.conditions().get(0), 0), 1e-12);
        assertEquals(10 * (-2 + 1.5), sourceAt(strong.conditions().get(0), 0), 1e-12);
    }

    @Test
    void theDoubleLayerTakesItsWallPotentialFromConfiguration() {
        NernstPlanckPoisson1d npp = new NernstPlanckPoisson1d(config(NernstPlanckPoisson1d.Config.class, Map.of("zeta", 2.0)));
        Condition wall = npp.conditions().stream().filter(c -> c.name().equals("boundary-phi")).findFirst().orElseThrow();
        assertEquals(2.0, sourceAt(wall, 0), 0);
        double[] out = new double[3];
        npp.reference().orElseThrow().evaluate(new double[] {0}, 1, out);
        assertEquals(2.0, out[0], 1e-12);
        assertEquals(Math.exp(-2), out[1], 1e-12);
        Electroosmotic2d eo = new Electroosmotic2d(config(Electroosmotic2d.Config.class, Map.of("epsilon", 0.3)));
        assertTrue(eo.description().contains("0.3"));
    }
}
