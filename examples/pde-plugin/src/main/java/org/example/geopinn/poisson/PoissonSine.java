package org.example.geopinn.poisson;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import org.geopinn.api.expr.PointFunction;
import org.geopinn.api.problem.Problem;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * 2-D Poisson −Δu = f on [0,1]², u = 0 on the boundary, exact solution u = sin(πx)·sin(kπy), so
 * f = (1 + k²)π²·u. The frequency k comes from the configuration {@code org.example.geopinn.poisson}
 * (a {@code .cfg} file beside the jar); a value outside 1…8 is reported on one line and the problem
 * is then absent (the component is immediate, so the report comes when the configuration does).
 */
@Component(service = Problem.class, property = "geopinn.id=poisson-sine", configurationPid = "org.example.geopinn.poisson", immediate = true)
@Designate(ocd = PoissonSine.Config.class)
public class PoissonSine extends ProblemComponent {
    /** Settings of the problem. */
    @ObjectClassDefinition(name = "Poisson sine example problem")
    public @interface Config {
        /** @return the frequency k of sin(kπy) in the exact solution */
        @AttributeDefinition(description = "Frequency k of sin(kπy) in the exact solution", min = "1", max = "8")
        int frequency() default 1;
    }

    /** @param config the settings */
    @Activate
    public PoissonSine(Config config) {
        int k = ProblemBuilder.inRange("poisson-sine", "frequency", config.frequency(), 1, 8);
        PointFunction u = p -> sin(PI * p[0]) * sin(k * PI * p[1]);
        define(ProblemBuilder.problem("poisson-sine", "2-D Poisson -Δu = f on [0,1]², u = sin(πx) sin(" + k + "πy) (example plugin)")
                .variable("x", 0, 1).variable("y", 0, 1).field("u").reference(u).setting("hidden", "32")
                .condition("pde", "interior", "-(u_xx + u_yy)", p -> (1 + k * k) * PI * PI * u.value(p), 400)
                .condition("boundary", "boundary", "u", 80).build());
    }
}
