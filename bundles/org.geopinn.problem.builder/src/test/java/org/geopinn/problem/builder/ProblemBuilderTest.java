package org.geopinn.problem.builder;

import static java.lang.Math.PI;
import static java.lang.Math.sin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.junit.jupiter.api.Test;

/** The builder turns a few declarations into a checked problem, and every mistake into one line. */
class ProblemBuilderTest {
    private static ProblemBuilder heat() {
        return ProblemBuilder.problem("heat-test", "1+1-D heat").variable("t", 0, 1).variable("x", 0, 1).field("u")
                .condition("pde", "interior", v -> v.d("u", "t").minus(v.d("u", "x", "x").times(0.25)), null, 100)
                .condition("boundary", "boundary", "u", 20)
                .condition("initial", "initial", "u", "sin(pi*x)", 10).weight(10).sampler("sobol", Map.of())
                .reference("exp(-pi*pi*t/4)*sin(pi*x)");
    }

    @Test
    void operatorTextJavaExpressionsAndImplicitPartsMakeTheSameProblemAsWrittenOut() {
        Problem p = heat().setting("hidden", "16").build();
        assertEquals(List.of("t", "x"), p.vocabulary().variables());
        assertEquals(List.of("interior", "boundary", "initial"), p.domain().parts().stream().map(DomainPart::name).toList());
        DomainPart boundary = p.domain().part("boundary");
        assertEquals(List.of(1), java.util.Arrays.stream(boundary.boundaryVariables()).boxed().toList(), "t is not a spatial boundary");
        DomainPart initial = p.domain().part("initial");
        assertEquals(DomainPart.Kind.FACE, initial.kind());
        assertEquals(0, initial.variable());
        Condition init = p.conditions().get(2);
        assertEquals(10, init.weight());
        assertEquals("sobol", init.sampler());
        assertEquals(sin(PI * 0.3), init.source().value(new double[] {0, 0.3}), 1e-15);
        double[] out = new double[1];
        p.reference().orElseThrow().evaluate(new double[] {0.5, 0.3}, 1, out);
        assertEquals(Math.exp(-PI * PI * 0.5 / 4) * sin(PI * 0.3), out[0], 1e-15);
        assertEquals(Map.of("hidden", "16"), p.defaults());
    }

    @Test
    void extraPartsAreNamedByVariable() {
        Problem p = ProblemBuilder.problem("wall", "a wall").variable("x", 0, 1).variable("y", 0, 2).field("u")
                .face("top", "y", true).boundary("sides", "x")
                .condition("pde", "interior", "u_xx + u_yy", 10).condition("top", "top", "u_y", 5)
                .condition("sides", "sides", "u", 5).build();
        assertEquals(1, p.domain().part("top").variable());
        assertTrue(p.domain().part("top").upper());
    }

    @Test
    void everyMistakeIsOneLineNamingTheProblemAndTheCulprit() {
        GeopinnException badText = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("p", "d")
                .variable("x", 0, 1).field("u").condition("pde", "interior", "u_xx +", 10).build());
        assertTrue(badText.getMessage().startsWith("problem 'p': condition 'pde': operator 'u_xx +'"), badText.getMessage());
        GeopinnException part = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("p", "d")
                .variable("x", 0, 1).field("u").condition("pde", "middle", "u_xx", 10).build());
        assertTrue(part.getMessage().contains("domain part 'middle' does not exist"), part.getMessage());
        GeopinnException variable = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("p", "d")
                .variable("x", 0, 1).field("u").boundary("b", "z").condition("pde", "interior", "u_xx", 10).build());
        assertTrue(variable.getMessage().contains("'z' is not a variable"), variable.getMessage());
        GeopinnException reference = assertThrows(GeopinnException.class, () -> heat().reference("1", "2").build());
        assertTrue(reference.getMessage().contains("2 exact solutions for the 1 fields"), reference.getMessage());
        GeopinnException unconstrained = assertThrows(GeopinnException.class, () -> ProblemBuilder.problem("p", "d")
                .variable("x", 0, 1).field("u", "v").condition("pde", "interior", "u_xx", 10).build());
        assertTrue(unconstrained.getMessage().contains("field 'v' appears in no condition"), unconstrained.getMessage());
        GeopinnException range = assertThrows(GeopinnException.class, () -> ProblemBuilder.inRange("p", "frequency", 9, 1, 8));
        assertEquals("p: frequency must be an integer from 1 to 8, got 9", range.getMessage());
    }

    @Test
    void aComponentThatDoesNotDefineItsProblemSaysSo() {
        ProblemComponent empty = new ProblemComponent() {
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, empty::id);
        assertTrue(e.getMessage().contains("did not define its problem"), e.getMessage());
    }
}
