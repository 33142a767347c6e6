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
 * Three-species reaction–diffusion A ⇌ B ⇌ C on [0,1] ("Coupling-Robust Accuracy in Multiphysics PINNs…", 2026):
 * D₁c_A″ − k₁c_A + k₂c_B = f₁, D₂c_B″ + k₁c_A − (k₂+k₃)c_B + k₄c_C = f₂, D₃c_C″ + k₃c_B − k₄c_C = f₃,
 * with Dirichlet data from c_A = sin πx + 2, c_B = cos πx + 2, c_C = sin 2πx + 2. The rates are
 * configuration; {@code coupling} scales all four at once.
 */
@Component(service = Problem.class, configurationPid = ReactionDiffusion1d.PID,
        property = {"geopinn.id=" + ReactionDiffusion1d.ID, "geopinn.description=" + ReactionDiffusion1d.DESCRIPTION,
                "geopinn.config.pid=" + ReactionDiffusion1d.PID})
@Designate(ocd = ReactionDiffusion1d.Config.class)
public final class ReactionDiffusion1d extends ProblemComponent {
    static final String ID = "reaction-diffusion1d";
    static final String PID = "org.geopinn.problems.reactiondiffusion1d";
    static final String DESCRIPTION = "1-D reaction–diffusion A⇌B⇌C, three coupled species on [0,1]";

    /** Diffusivities and rates. */
    @ObjectClassDefinition(name = "Geopinn reaction-diffusion1d problem", description = "Coefficients of the A⇌B⇌C system")
    public @interface Config {
        /** @return D₁ */ @AttributeDefinition(description = "diffusivity of A", min = "4.9E-324") double diffusivityA() default 1.0;
        /** @return D₂ */ @AttributeDefinition(description = "diffusivity of B", min = "4.9E-324") double diffusivityB() default 1.0;
        /** @return D₃ */ @AttributeDefinition(description = "diffusivity of C", min = "4.9E-324") double diffusivityC() default 1.0;
        /** @return k₁ */ @AttributeDefinition(description = "rate A→B", min = "0") double k1() default 1.0;
        /** @return k₂ */ @AttributeDefinition(description = "rate B→A", min = "0") double k2() default 0.5;
        /** @return k₃ */ @AttributeDefinition(description = "rate B→C", min = "0") double k3() default 1.0;
        /** @return k₄ */ @AttributeDefinition(description = "rate C→B", min = "0") double k4() default 0.5;
        /** @return the factor on all rates */
        @AttributeDefinition(description = "factor applied to all four rates (weak 0.1, strong 10)")
        double coupling() default 1.0;
    }

    /** @param c the coefficients */
    @Activate
    public ReactionDiffusion1d(Config c) {
        super(define(new double[] {c.diffusivityA(), c.diffusivityB(), c.diffusivityC()},
                new double[] {c.coupling() * c.k1(), c.coupling() * c.k2(), c.coupling() * c.k3(), c.coupling() * c.k4()}));
    }

    /**
     * @param diff the diffusivities D₁, D₂, D₃
     * @param k the rates k₁ … k₄
     * @return the problem
     */
    public static Problem define(double[] diff, double[] k) {
        for (int i = 0; i < diff.length; i++) {
            Coefficients.positive(ID, "diffusivity" + (char) ('A' + i), diff[i]);
        }
        for (int i = 0; i < k.length; i++) {
            Coefficients.nonNegative(ID, "k" + (i + 1) + " (times coupling)", k[i]);
        }
        Vocabulary v = new Vocabulary(List.of("x"), List.of("cA", "cB", "cC"));
        Domain domain = new Domain(v.variables(), new double[] {0}, new double[] {1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0)));
        PointFunction a = p -> sin(PI * p[0]) + 2;
        PointFunction b = p -> cos(PI * p[0]) + 2;
        PointFunction c = p -> sin(2 * PI * p[0]) + 2;
        PointFunction a2 = p -> -PI * PI * sin(PI * p[0]);
        PointFunction b2 = p -> -PI * PI * cos(PI * p[0]);
        PointFunction c2 = p -> -4 * PI * PI * sin(2 * PI * p[0]);
        List<Condition> conditions = List.of(
                Condition.of("pde-A", "interior", v.d("cA", "x", "x").times(diff[0]).minus(v.field("cA").times(k[0]))
                        .plus(v.field("cB").times(k[1])),
                        p -> diff[0] * a2.value(p) - k[0] * a.value(p) + k[1] * b.value(p), 256),
                Condition.of("pde-B", "interior", v.d("cB", "x", "x").times(diff[1]).plus(v.field("cA").times(k[0]))
                        .minus(v.field("cB").times(k[1] + k[2])).plus(v.field("cC").times(k[3])),
                        p -> diff[1] * b2.value(p) + k[0] * a.value(p) - (k[1] + k[2]) * b.value(p) + k[3] * c.value(p), 256),
                Condition.of("pde-C", "interior", v.d("cC", "x", "x").times(diff[2]).plus(v.field("cB").times(k[2]))
                        .minus(v.field("cC").times(k[3])),
                        p -> diff[2] * c2.value(p) + k[2] * b.value(p) - k[3] * c.value(p), 256),
                Condition.of("boundary-A", "boundary", v.field("cA"), a, 2),
                Condition.of("boundary-B", "boundary", v.field("cB"), b, 2),
                Condition.of("boundary-C", "boundary", v.field("cC"), c, 2));
        return ProblemBuilder.of(ID, DESCRIPTION, v, domain, conditions, ReferenceSolution.of(List.of(a, b, c)),
                CoupledDefaults.ONE_D);
    }
}
