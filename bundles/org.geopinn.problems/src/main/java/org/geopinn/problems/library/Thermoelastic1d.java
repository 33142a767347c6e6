package org.geopinn.problems.library;

import static java.lang.Math.PI;
import static java.lang.Math.cos;
import static java.lang.Math.sin;

import java.util.List;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.osgi.service.component.annotations.Activate;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Coupled 1-D thermoelasticity ("Coupling-Robust Accuracy in Multiphysics PINNs…", 2026): −κT″ = f_T, −E u″ + γT′ = f_u on [0,1] with Dirichlet
 * data from the manufactured solution T = sin πx + 1, u = sin 2πx. The coupling γ is configuration
 * (PID {@code org.geopinn.problems.thermoelastic1d}), so one host can compare weak and strong
 * coupling.
 */
@Component(service = Problem.class, configurationPid = Thermoelastic1d.PID,
        property = {"geopinn.id=" + Thermoelastic1d.ID, "geopinn.description=" + Thermoelastic1d.DESCRIPTION,
                "geopinn.config.pid=" + Thermoelastic1d.PID})
@Designate(ocd = Thermoelastic1d.Config.class)
public final class Thermoelastic1d extends ProblemComponent {
    static final String ID = "thermoelastic1d";
    static final String PID = "org.geopinn.problems.thermoelastic1d";
    static final String DESCRIPTION = "1-D thermoelasticity: −κT'' = f_T, −E u'' + γT' = f_u on [0,1] (coupling γ)";

    /** Coefficients of the system. */
    @ObjectClassDefinition(name = "Geopinn thermoelastic1d problem", description = "Coefficients of the coupled 1-D thermoelastic system")
    public @interface Config {
        /** @return the coupling γ of T′ in the displacement equation */
        @AttributeDefinition(description = "coupling γ of T' in the displacement equation (weak 0.1, strong 10)")
        double gamma() default 1.0;

        /** @return the conductivity κ */
        @AttributeDefinition(description = "thermal conductivity κ", min = "4.9E-324")
        double kappa() default 1.0;

        /** @return the stiffness E */
        @AttributeDefinition(description = "stiffness E", min = "4.9E-324")
        double stiffness() default 1.0;
    }

    /** @param config the coefficients */
    @Activate
    public Thermoelastic1d(Config config) {
        super(define(config.gamma(), config.kappa(), config.stiffness()));
    }

    /**
     * @param gamma the coupling γ
     * @param kappa the conductivity κ
     * @param stiffness the stiffness E
     * @return the problem
     */
    public static Problem define(double gamma, double kappa, double stiffness) {
        Coefficients.within(ID, "gamma", gamma, -Double.MAX_VALUE, Double.MAX_VALUE, "a finite number");
        Coefficients.positive(ID, "kappa", kappa);
        Coefficients.positive(ID, "stiffness", stiffness);
        Vocabulary v = new Vocabulary(List.of("x"), List.of("T", "u"));
        Domain domain = new Domain(v.variables(), new double[] {0}, new double[] {1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0)));
        PointFunction temperature = p -> sin(PI * p[0]) + 1;
        PointFunction displacement = p -> sin(2 * PI * p[0]);
        List<Condition> conditions = List.of(
                Condition.of("pde-T", "interior", v.d("T", "x", "x").times(-kappa),
                        p -> kappa * PI * PI * sin(PI * p[0]), 256),
                Condition.of("pde-u", "interior", v.d("u", "x", "x").times(-stiffness).plus(v.d("T", "x").times(gamma)),
                        p -> stiffness * 4 * PI * PI * sin(2 * PI * p[0]) + gamma * PI * cos(PI * p[0]), 256),
                Condition.of("boundary-T", "boundary", v.field("T"), temperature, 2),
                Condition.of("boundary-u", "boundary", v.field("u"), displacement, 2));
        return ProblemBuilder.of(ID, DESCRIPTION + ", γ = " + gamma, v, domain, conditions,
                ReferenceSolution.of(List.of(temperature, displacement)), CoupledDefaults.ONE_D);
    }
}
