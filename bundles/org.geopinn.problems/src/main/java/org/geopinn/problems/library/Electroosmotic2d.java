package org.geopinn.problems.library;

import static java.lang.Math.exp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
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
 * 2-D electroosmotic channel flow with resolved double layers ("Coupling-Robust Accuracy in Multiphysics PINNs…", 2026): six PDEs for the fields
 * φ, c₊, c₋, u, v, p on [0,1]²:
 * ε²Δφ + c₊ − c₋ = 0; Δc± ± ∇c±·∇φ ± c±Δφ = 0; −p_x + μΔu + E_x(c₊ − c₋) = 0; −p_y + μΔv = 0;
 * u_x + v_y = 0. Walls y = 0, 1: φ = ζ, c± = e^(∓ζ), u = v = 0. Sides x = 0, 1: the 1-D
 * equilibrium profile φ₁(y) (φ″ = 2 sinh φ/ε², φ(0) = φ(1) = ζ), c± = e^(∓φ₁), the
 * Helmholtz–Smoluchowski velocity u = E_x ε²(φ₁ − ζ)/μ, v = 0, p = 0. The fully developed flow is
 * uniform in x, so the reference is that side profile everywhere (v = p = 0). Interior points
 * cluster toward both walls, where the layers of width ε/√2 are.
 */
@Component(service = Problem.class, configurationPid = Electroosmotic2d.PID,
        property = {"geopinn.id=" + Electroosmotic2d.ID, "geopinn.description=" + Electroosmotic2d.DESCRIPTION,
                "geopinn.config.pid=" + Electroosmotic2d.PID})
@Designate(ocd = Electroosmotic2d.Config.class)
public final class Electroosmotic2d extends ProblemComponent {
    static final String ID = "electroosmotic2d";
    static final String PID = "org.geopinn.problems.electroosmotic2d";
    /** Numerov intervals of the side profile φ₁. */
    static final int PROFILE_INTERVALS = 2000;
    static final String DESCRIPTION = "2-D electroosmotic flow: 6 PDEs for φ, c₊, c₋, u, v, p on [0,1]²";

    /** Physical parameters. */
    @ObjectClassDefinition(name = "Geopinn electroosmotic2d problem", description = "Parameters of the electroosmotic channel")
    public @interface Config {
        /** @return ε */
        @AttributeDefinition(description = "Debye length ε, at least 0.0071 (the side profile's grid resolves the layer)", min = "0.0071")
        double epsilon() default 0.2;
        /** @return ζ */
        @AttributeDefinition(description = "wall potential ζ, from -18 to 18 (e^(2|ζ|) stays within float64)", min = "-18", max = "18")
        double zeta() default 1.0;
        /** @return E_x */ @AttributeDefinition(description = "applied field E_x") double field() default 1.0;
        /** @return μ */ @AttributeDefinition(description = "viscosity μ, positive", min = "4.9E-324") double viscosity() default 1.0;
        /** @return the clustering strength */
        @AttributeDefinition(description = "strength of the clustering of interior points toward both walls (0: none), at least 0",
                min = "0")
        double clusterStrength() default 2.0;
    }

    /** @param c the parameters */
    @Activate
    public Electroosmotic2d(Config c) {
        super(define(c.epsilon(), c.zeta(), c.field(), c.viscosity(), c.clusterStrength()));
    }

    /**
     * @param epsilon ε
     * @param zeta ζ
     * @param ex E_x
     * @param mu μ
     * @param clusterStrength how strongly interior points cluster toward the walls y = 0, 1 (0 for none)
     * @return the problem
     */
    public static Problem define(double epsilon, double zeta, double ex, double mu, double clusterStrength) {
        Coefficients.within(ID, "epsilon", epsilon, Coefficients.smallestDebyeLength(PROFILE_INTERVALS), Double.MAX_VALUE,
                "the side profile's " + PROFILE_INTERVALS + " intervals must resolve the layer of width ε/√2");
        Coefficients.within(ID, "zeta", zeta, -Coefficients.MAX_WALL_POTENTIAL, Coefficients.MAX_WALL_POTENTIAL,
                "the wall concentrations e^(∓ζ) must both be resolved in float64");
        Coefficients.within(ID, "field", ex, -Double.MAX_VALUE, Double.MAX_VALUE, "a finite number");
        Coefficients.positive(ID, "viscosity", mu);
        Coefficients.nonNegative(ID, "clusterStrength", clusterStrength);
        Vocabulary v = new Vocabulary(List.of("x", "y"), List.of("phi", "cplus", "cminus", "u", "v", "p"));
        Domain domain = new Domain(v.variables(), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("walls", 1), DomainPart.boundary("sides", 0)));
        Expr lapPhi = v.laplacian("phi");
        Expr cplus = v.field("cplus");
        Expr cminus = v.field("cminus");
        Map<String, String> cluster = clusterStrength > 0
                ? Map.of("cluster.variable", "y", "cluster.side", "both", "cluster.strength", Double.toString(clusterStrength))
                : Map.of();
        List<Condition> c = new ArrayList<>();
        c.add(Condition.of("pde-phi", "interior", lapPhi.times(epsilon * epsilon).plus(cplus).minus(cminus), null, 2500).withSampler("grid", cluster));
        c.add(Condition.of("pde-cplus", "interior",
                v.laplacian("cplus").plus(v.gradDot("cplus", "phi")).plus(cplus.times(lapPhi)), null, 2500).withSampler("grid", cluster));
        c.add(Condition.of("pde-cminus", "interior",
                v.laplacian("cminus").minus(v.gradDot("cminus", "phi")).minus(cminus.times(lapPhi)), null, 2500).withSampler("grid", cluster));
        c.add(Condition.of("pde-u", "interior",
                v.d("p", "x").times(-1).plus(v.laplacian("u").times(mu)).plus(cplus.minus(cminus).times(ex)), null, 2500).withSampler("grid", cluster));
        c.add(Condition.of("pde-v", "interior", v.d("p", "y").times(-1).plus(v.laplacian("v").times(mu)), null, 2500).withSampler("grid", cluster));
        c.add(Condition.of("continuity", "interior", v.divergence("u", "v"), null, 2500).withSampler("grid", cluster));
        c.add(Condition.of("wall-phi", "walls", v.field("phi"), p -> zeta, 100));
        c.add(Condition.of("wall-cplus", "walls", cplus, p -> exp(-zeta), 100));
        c.add(Condition.of("wall-cminus", "walls", cminus, p -> exp(zeta), 100));
        c.add(Condition.of("wall-u", "walls", v.field("u"), null, 100));
        c.add(Condition.of("wall-v", "walls", v.field("v"), null, 100));
        // Side data: the 1-D profile, solved once (cheap: 2000 Numerov intervals, milliseconds).
        UniformGridFunction profile = PoissonBoltzmann.solve(epsilon, 1, zeta, zeta, PROFILE_INTERVALS);
        PointFunction phi = p -> profile.value(p[1]);
        PointFunction cp = p -> exp(-profile.value(p[1]));
        PointFunction cm = p -> exp(profile.value(p[1]));
        PointFunction u = p -> ex * epsilon * epsilon * (profile.value(p[1]) - zeta) / mu;
        c.add(Condition.of("side-phi", "sides", v.field("phi"), phi, 100));
        c.add(Condition.of("side-cplus", "sides", cplus, cp, 100));
        c.add(Condition.of("side-cminus", "sides", cminus, cm, 100));
        c.add(Condition.of("side-u", "sides", v.field("u"), u, 100));
        c.add(Condition.of("side-v", "sides", v.field("v"), null, 100));
        c.add(Condition.of("side-p", "sides", v.field("p"), null, 100));
        ReferenceSolution reference = new LazyReference(6,
                () -> ReferenceSolution.of(List.of(phi, cp, cm, u, p -> 0.0, p -> 0.0)));
        return ProblemBuilder.of(ID, DESCRIPTION + ", ε = " + epsilon + ", ζ = " + zeta, v, domain, c, reference,
                CoupledDefaults.TWO_D);
    }
}
