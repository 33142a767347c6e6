package org.geopinn.operators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.Problem;

/** Problems defined inline with the API, as a problem plugin would, plus random points for them. */
public final class TestProblems {
    private TestProblems() {
    }

    /** A problem from its parts. */
    public record Simple(String id, Vocabulary vocabulary, Domain domain, List<Condition> conditions) implements Problem {
        @Override
        public String description() {
            return id;
        }
    }

    /** 2-D Laplace: Δu = −2π² sin πx sin πy on [0,1]², u = 0 on the boundary. */
    public static Simple laplace2d() {
        Vocabulary v = new Vocabulary(List.of("x", "y"), List.of("u"));
        Domain domain = new Domain(v.variables(), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("boundary", 0, 1)));
        return new Simple("laplace2d", v, domain, List.of(
                Condition.of("pde", "interior", v.laplacian("u"),
                        p -> -2 * Math.PI * Math.PI * Math.sin(Math.PI * p[0]) * Math.sin(Math.PI * p[1]), 900),
                Condition.of("boundary", "boundary", v.field("u"), p -> 0, 120)));
    }

    /** 1+1-D heat u_t − ¼u_xx = 0 with u(0,x) = sin πx and u = 0 at x = 0, 1; operator as given. */
    public static Problem heat(Expr operatorOrNull) {
        Vocabulary v = new Vocabulary(List.of("t", "x"), List.of("u"));
        Expr op = operatorOrNull != null ? operatorOrNull : v.d("u", "t").minus(v.d("u", "x", "x").times(0.25));
        Domain domain = new Domain(v.variables(), new double[] {0, 0}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.face("initial", 0, false),
                        DomainPart.boundary("walls", 1)));
        return new Simple("heat", v, domain, List.of(
                Condition.of("pde", "interior", op, null, 200),
                Condition.of("initial", "initial", v.field("u"), p -> Math.sin(Math.PI * p[1]), 50),
                Condition.of("walls", "walls", v.field("u"), null, 40)));
    }

    public static Vocabulary burgersVocabulary() {
        return new Vocabulary(List.of("t", "x"), List.of("u"));
    }

    /** Burgers u_t + u u_x − (0.01/π) u_xx = 0 on [0,1]×[−1,1]; operator as given. */
    public static Problem burgers(Expr operatorOrNull) {
        Vocabulary v = burgersVocabulary();
        Expr op = operatorOrNull != null ? operatorOrNull
                : v.d("u", "t").plus(v.field("u").times(v.d("u", "x"))).minus(v.d("u", "x", "x").times(0.01 / Math.PI));
        Domain domain = new Domain(v.variables(), new double[] {0, -1}, new double[] {1, 1},
                List.of(DomainPart.interior("interior"), DomainPart.face("initial", 0, false),
                        DomainPart.boundary("walls", 1)));
        return new Simple("burgers", v, domain, List.of(
                Condition.of("pde", "interior", op, null, 200),
                Condition.of("initial", "initial", v.field("u"), p -> -Math.sin(Math.PI * p[1]), 50),
                Condition.of("walls", "walls", v.field("u"), null, 40).withWeight(2.5)));
    }

    /**
     * A coupled two-field system in 2-D with nonlinear couplings, a mixed partial, elementary
     * functions, a quotient, a power and a Java coefficient: a Nernst–Planck–Poisson-like system.
     */
    public static Problem coupled() {
        Vocabulary v = new Vocabulary(List.of("x", "y"), List.of("phi", "c"));
        Expr kappa = new Expr.Coefficient("kappa", p -> 1 + p[0] * p[0] + 0.5 * p[1]);
        Expr nernstPlanck = v.laplacian("c").plus(v.gradDot("c", "phi")).plus(v.field("c").times(v.laplacian("phi")));
        Expr poisson = v.laplacian("phi").times(kappa).times(0.04)
                .plus(v.field("c"))
                .minus(new Expr.Call(Expr.Function.EXP, v.field("phi").times(-1)))
                .plus(v.d("phi", "x", "y").times(new Expr.Coordinate(0, "x")))
                .plus(v.field("c").pow(3).over(v.field("phi").times(v.field("phi")).plus(Expr.constant(2))))
                .plus(new Expr.Call(Expr.Function.TANH, v.d("c", "y")))
                .plus(new Expr.Call(Expr.Function.SQRT, v.d("c", "x").pow(2).plus(Expr.constant(1))));
        Domain domain = new Domain(v.variables(), new double[] {0, 0}, new double[] {1, 2},
                List.of(DomainPart.interior("interior"), DomainPart.boundary("walls", 0, 1),
                        DomainPart.face("bottom", 1, false)));
        return new Simple("coupled", v, domain, List.of(
                Condition.of("nernst-planck", "interior", nernstPlanck, p -> Math.sin(p[0]), 60),
                Condition.of("poisson", "interior", poisson, p -> p[1], 70).withWeight(3),
                Condition.of("phi-wall", "walls", v.field("phi"), p -> 1, 20),
                Condition.of("c-bottom", "bottom", v.field("c").minus(v.d("c", "y")), p -> Math.exp(-1), 15)));
    }

    /** @return uniform random points in the domain's box for every condition (faces held fixed) */
    public static Map<String, double[]> randomPoints(Problem problem, long seed, double countFactor) {
        Random r = new Random(seed);
        Domain dom = problem.domain();
        int d = dom.dimension();
        Map<String, double[]> points = new LinkedHashMap<>();
        for (Condition c : problem.conditions()) {
            int n = Math.max(1, (int) Math.round(c.points() * countFactor));
            DomainPart part = dom.part(c.part());
            double[] p = new double[n * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    p[i * d + j] = dom.lower(j) + r.nextDouble() * (dom.upper(j) - dom.lower(j));
                }
                if (part.kind() == DomainPart.Kind.FACE) {
                    p[i * d + part.variable()] = part.upper() ? dom.upper(part.variable()) : dom.lower(part.variable());
                } else if (part.kind() == DomainPart.Kind.BOUNDARY) {
                    int[] vs = part.boundaryVariables();
                    int j = vs[r.nextInt(vs.length)];
                    p[i * d + j] = r.nextBoolean() ? dom.upper(j) : dom.lower(j);
                }
            }
            points.put(c.name(), p);
        }
        return points;
    }

    public static List<Problem> all() {
        List<Problem> all = new ArrayList<>();
        all.add(laplace2d());
        all.add(heat(null));
        all.add(burgers(null));
        all.add(coupled());
        return all;
    }

    /** A model fitting the problem's inputs and fields. */
    public static SineFeatureModel modelFor(Problem problem, int features) {
        return new SineFeatureModel(problem.domain().lower(), problem.domain().upper(), problem.vocabulary().fields(),
                features);
    }
}
