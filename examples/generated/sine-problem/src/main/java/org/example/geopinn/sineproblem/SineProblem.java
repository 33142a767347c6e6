package org.example.geopinn.sineproblem;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import org.geopinn.api.problem.Problem;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * 1-D Poisson -u'' = (kπ)² sin(kπx) on [0,1], u(0) = u(1) = 0; exact solution u = sin(kπx).
 * Change the conditions, the domain and the reference to define your own PDE.
 */
@Component(service = Problem.class, property = "geopinn.id=sine-problem", configurationPid = "org.example.geopinn.sineproblem", immediate = true)
@Designate(ocd = SineProblem.Config.class)
public class SineProblem extends ProblemComponent {
    /** Settings, from the configuration org.example.geopinn.sineproblem (a .cfg file beside the jar). */
    @ObjectClassDefinition(name = "sine-problem")
    public @interface Config {
        /** @return the frequency k of the exact solution */
        @AttributeDefinition(description = "Frequency k of sin(kπx)", min = "1", max = "8")
        int frequency() default 1;
    }

    /** @param config the settings */
    @Activate
    public SineProblem(Config config) {
        int k = ProblemBuilder.inRange("sine-problem", "frequency", config.frequency(), 1, 8);
        define(ProblemBuilder.problem("sine-problem", "1-D Poisson -u'' = f on [0,1], u = sin(" + k + "πx)")
                .variable("x", 0, 1).field("u").reference(p -> sin(k * PI * p[0])).setting("hidden", "16")
                .condition("pde", "interior", "-u_xx", p -> k * k * PI * PI * sin(k * PI * p[0]), 64)
                .condition("boundary", "boundary", "u", 2).build());
    }
}
