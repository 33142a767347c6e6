package org.geopinn.problem.builder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.expr.ExprPrinter;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.model.SmoothFunction;
import org.geopinn.api.model.TaylorJet;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.ExprJets;
import org.geopinn.api.problem.HardConstraint;

/**
 * Turns Dirichlet conditions {@code u = g} marked hard into {@link HardConstraint}s (u = g + φ·N):
 * g from the condition's source text (its derivatives exact by Taylor jets), φ from a distance text
 * or from the domain (a box's faces, or the geometry's {@link Geometry#smoothDistance}). Used by
 * {@link ProblemBuilder} and by declared problems.
 */
public final class HardConditions {
    private HardConditions() {
    }

    /**
     * @param vocabulary the problem's variables, fields and coefficients
     * @param domain its domain
     * @param condition the Dirichlet condition to build in: operator a field itself, on a boundary part
     * @param data the text of its right-hand side g, a function of the variables (null for zero)
     * @param distance the text of φ (zero on the condition's part, positive inside), or null to take it from the domain
     * @return the hard constraint
     * @throws GeopinnException naming the condition and what does not fit
     */
    public static HardConstraint of(Vocabulary vocabulary, Domain domain, Condition condition, String data, String distance) {
        String what = "hard condition '" + condition.name() + "'";
        try {
            if (!(condition.operator() instanceof Expr.FieldDerivative f) || f.totalOrder() != 0) {
                throw new GeopinnException("its operator must be a field itself (u = g, a Dirichlet condition)");
            }
            if (condition.pair() != null || condition.data() != null) {
                throw new GeopinnException("periodic conditions and observations cannot be hard");
            }
            DomainPart part = domain.part(condition.part());
            if (part.kind() == DomainPart.Kind.INTERIOR) {
                throw new GeopinnException("its part '" + condition.part() + "' is the interior; hard conditions hold on the boundary");
            }
            int d = vocabulary.variables().size();
            Set<String> constants = vocabulary.coefficients().keySet();
            SmoothFunction g = data == null || data.isBlank() ? (point, request, out) -> java.util.Arrays.fill(out, 0, request.size(), 0)
                    : ExprJets.of(parse(vocabulary, "data", data), d, constants);
            SmoothFunction phi = distance != null && !distance.isBlank() ? ExprJets.of(parse(vocabulary, "distance", distance), d, constants)
                    : fromDomain(domain, part);
            return new HardConstraint(condition.name(), f.field(), f.fieldName(), g, phi);
        } catch (GeopinnException e) {
            throw new GeopinnException(what + ": " + e.getMessage(), e);
        }
    }

    private static Expr parse(Vocabulary v, String what, String text) {
        Expr e;
        try {
            e = v.parse(text);
        } catch (GeopinnException ex) {
            throw new GeopinnException(what + " '" + text + "': " + ex.getMessage(), ex);
        }
        if (ExprPrinter.dependsOnFields(e)) {
            throw new GeopinnException(what + " '" + text + "' uses a field; it must be a function of the variables " + v.variables());
        }
        return e;
    }

    /** φ of a part of the domain: faces of a box by Lagaris' products, a geometry's parts by its own function. */
    private static SmoothFunction fromDomain(Domain domain, DomainPart part) {
        // A first evaluation fails now, with the reason, rather than in the first training step.
        SmoothFunction phi;
        if (domain.geometry().isPresent()) {
            Geometry g = domain.geometry().get();
            Set<String> parts = new HashSet<>(part.kind() == DomainPart.Kind.GEOMETRY && !part.geometryParts().isEmpty()
                    ? part.geometryParts() : boundaryParts(g));
            if (part.kind() != DomainPart.Kind.GEOMETRY) {
                throw new GeopinnException("its part '" + part.name() + "' is not a part of the geometry");
            }
            if (g.smoothDistance(TaylorJet.coordinates(g.lower(), 0), parts).isEmpty()) {
                throw new GeopinnException("the geometry gives no distance function; give the distance as text");
            }
            phi = ExprJets.of(x -> g.smoothDistance(x, parts).orElseThrow());
        } else {
            List<double[]> faces = faces(domain, part);
            phi = ExprJets.of(x -> {
                TaylorJet r = TaylorJet.constant(x.length, x[0].order(), 1);
                for (double[] face : faces) {
                    int j = (int) face[0];
                    double w = domain.upper(j) - domain.lower(j);
                    // (x_j − lo_j)/w_j on a lower face, (hi_j − x_j)/w_j on an upper one: positive inside the box.
                    r = r.times(face[1] > 0 ? x[j].negate().plus(domain.upper(j)).times(1 / w) : x[j].plus(-domain.lower(j)).times(1 / w));
                }
                return r;
            });
        }
        return phi;
    }

    private static List<String> boundaryParts(Geometry g) {
        List<String> parts = new ArrayList<>(g.boundaryParts());
        parts.remove(Geometry.INITIAL);
        parts.remove(Geometry.FINAL);
        return parts;
    }

    /** The faces of a box part as (variable, 0 lower / 1 upper). */
    private static List<double[]> faces(Domain domain, DomainPart part) {
        List<double[]> faces = new ArrayList<>();
        switch (part.kind()) {
            case FACE:
                faces.add(new double[] {part.variable(), part.upper() ? 1 : 0});
                break;
            case BOUNDARY:
                for (int j : part.boundaryVariables()) {
                    faces.add(new double[] {j, 0});
                    faces.add(new double[] {j, 1});
                }
                break;
            default:
                throw new GeopinnException("its part '" + part.name() + "' is not a face or boundary of the box");
        }
        return faces;
    }

    /**
     * @param conditions a problem's conditions
     * @param hard the hard constraints built from some of them
     * @return the conditions that stay in the loss (the others are built into the model)
     */
    public static List<Condition> remaining(List<Condition> conditions, List<HardConstraint> hard) {
        Map<String, Condition> byName = new LinkedHashMap<>();
        conditions.forEach(c -> byName.put(c.name(), c));
        hard.forEach(h -> byName.remove(h.condition()));
        return List.copyOf(byName.values());
    }
}
