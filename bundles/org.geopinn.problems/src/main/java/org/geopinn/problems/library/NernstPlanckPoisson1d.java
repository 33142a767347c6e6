package org.geopinn.problems.library;

import static java.lang.Math.exp;

import java.util.List;
import java.util.Map;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.problems.reference.LazyReference;
import org.geopinn.problems.reference.PoissonBoltzmann;
import org.geopinn.problems.reference.UniformGridFunction;
import org.osgi.service.component.annotations.Activate;
import org.geopinn.problem.builder.ProblemBuilder;
import org.geopinn.problem.builder.ProblemComponent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Nernst–Planck–Poisson double layer on [0,1] ("Coupling-Robust Accuracy in Multiphysics PINNs…", 2026):
 * c₊″ + c₊′φ′ + c₊φ″ = 0, c₋″ − c₋′φ′ − c₋φ″ = 0, ε²φ″ + c₊ − c₋ = 0, with φ(0) = ζ, φ(1) = 0,
 * c±(0) = e^(∓ζ), c±(1) = 1. The reference is the Boltzmann equilibrium c± = e^(∓φ) with φ from the
 * boundary-value problem φ″ = 2 sinh(φ)/ε² ({@link PoissonBoltzmann}, 4000 Numerov intervals).
 * Interior points cluster toward the charged wall x = 0, where the layer of width ε/√2 is.
 */
@Component(service = Problem.class, configurationPid = NernstPlanckPoisson1d.PID,
        property = {"geopinn.id=" + NernstPlanckPoisson1d.ID, "geopinn.description=" + NernstPlanckPoisson1d.DESCRIPTION,
                "geopinn.config.pid=" + NernstPlanckPoisson1d.PID})
@Designate(ocd = NernstPlanckPoisson1d.Config.class)
public final class NernstPlanckPoisson1d extends ProblemComponent {
    static final String ID = "npp1d";
    static final String PID = "org.geopinn.problems.npp1d";
    static final String DESCRIPTION = "1-D Nernst–Planck–Poisson double layer: fields φ, c₊, c₋ on [0,1]";
    static final int REFERENCE_INTERVALS = 4000;

    /** Layer parameters. */
    @ObjectClassDefinition(name = "Geopinn npp1d problem", description = "Debye length and wall potential of the double layer")
    public @interface Config {
        /** @return ε */
        @AttributeDefinition(description = "Debye length ε, at least 0.0036 (the reference grid resolves the layer)", min = "0.0036")
        double epsilon() default 0.1;
        /** @return ζ */
        @AttributeDefinition(description = "wall potential ζ at x = 0, from -18 to 18 (e^(2|ζ|) stays within float64)",
                min = "-18", max = "18")
        double zeta() default 1.0;
        /** @return the clustering strength */
        @AttributeDefinition(description = "strength of the clustering of interior points toward x = 0 (0: none), at least 0",
                min = "0")
        double clusterStrength() default 3.0;
    }

    /** @param c the parameters */
    @Activate
    public NernstPlanckPoisson1d(Config c) {
        super(define(c.epsilon(), c.zeta(), c.clusterStrength()));
    }

    /**
     * @param epsilon ε
     * @param zeta ζ
     * @param clusterStrength how strongly interior points cluster toward x = 0 (0 for none)
     * @return the problem
     */
    public static Problem define(double epsilon, double zeta, double clusterStrength) {
        Coefficients.within(ID, "epsilon", epsilon, Coefficients.smallestDebyeLength(REFERENCE_INTERVALS), Double.MAX_VALUE,
                "the reference's " + REFERENCE_INTERVALS + " intervals must resolve the layer of width ε/√2");
        Coefficients.within(ID, "zeta", zeta, -Coefficients.MAX_WALL_POTENTIAL, Coefficients.MAX_WALL_POTENTIAL,
                "the wall concentrations e^(∓ζ) must both be resolved in float64");
        Coefficients.nonNegative(ID, "clusterStrength", clusterStrength);
        Vocabulary v = new Vocabulary(List.of("x"), List.of("phi", "cplus", "cminus"));
        Domain domain = new Domain(v.variables(), new double[] {0}, new double[] {1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0)));
        Expr phiX = v.d("phi", "x");
        Expr phiXX = v.d("phi", "x", "x");
        Expr cplusFlux = v.d("cplus", "x", "x").plus(v.d("cplus", "x").times(phiX)).plus(v.field("cplus").times(phiXX));
        Expr cminusFlux = v.d("cminus", "x", "x").minus(v.d("cminus", "x").times(phiX)).minus(v.field("cminus").times(phiXX));
        Expr poisson = phiXX.times(epsilon * epsilon).plus(v.field("cplus")).minus(v.field("cminus"));
        Map<String, String> cluster = clusterStrength > 0
                ? Map.of("cluster.variable", "x", "cluster.side", "lower", "cluster.strength", Double.toString(clusterStrength))
                : Map.of();
        List<Condition> conditions = List.of(
                Condition.of("pde-cplus", "interior", cplusFlux, null, 256).withSampler("grid", cluster),
                Condition.of("pde-cminus", "interior", cminusFlux, null, 256).withSampler("grid", cluster),
                Condition.of("pde-phi", "interior", poisson, null, 256).withSampler("grid", cluster),
                Condition.of("boundary-phi", "boundary", v.field("phi"), p -> p[0] < 0.5 ? zeta : 0, 2),
                Condition.of("boundary-cplus", "boundary", v.field("cplus"), p -> p[0] < 0.5 ? exp(-zeta) : 1, 2),
                Condition.of("boundary-cminus", "boundary", v.field("cminus"), p -> p[0] < 0.5 ? exp(zeta) : 1, 2));
        ReferenceSolution reference = new LazyReference(3, () -> {
            UniformGridFunction phi = PoissonBoltzmann.solve(epsilon, 1, zeta, 0, REFERENCE_INTERVALS);
            return ReferenceSolution.of(List.of(p -> phi.value(p[0]), p -> exp(-phi.value(p[0])), p -> exp(phi.value(p[0]))));
        });
        return ProblemBuilder.of(ID, DESCRIPTION + ", ε = " + epsilon + ", ζ = " + zeta, v, domain, conditions,
                reference, CoupledDefaults.ONE_D);
    }
}
