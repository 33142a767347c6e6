package org.geopinn.problem.builder;

import java.util.List;
import java.util.Locale;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.BoundarySample;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.api.problem.PointMap;

/**
 * The translation that carries one boundary part of a domain onto its periodic partner: for a box,
 * the lower face of a variable onto its upper face (or back), shifted by the variable's length; for
 * a geometry, the faces {@code xmin}/{@code xmax} ({@code ymin}/{@code ymax}, … as the box shapes
 * name them) of its bounding box, shifted by the box's length in that axis. The shift of a geometry
 * is checked on sample points of the part: each must land on the partner.
 */
public final class Periodic {
    private static final String[] AXES = {"x", "y", "z"};

    private Periodic() {
    }

    /**
     * @param condition the condition's name, for messages
     * @param domain the domain
     * @param part the part where the condition's points are drawn
     * @param partner the part their partners lie on
     * @return the translation from part to partner
     * @throws GeopinnException one line naming the condition when the parts are not such a pair
     */
    public static PointMap translation(String condition, Domain domain, String part, String partner) {
        return PointMap.translation(shift(condition, domain, part, partner));
    }

    /**
     * @param condition the condition's name, for messages
     * @param domain the domain
     * @param part the part where the condition's points are drawn
     * @param partner the part their partners lie on
     * @return the shift, one entry per variable
     * @throws GeopinnException one line naming the condition when the parts are not such a pair
     */
    public static double[] shift(String condition, Domain domain, String part, String partner) {
        DomainPart p = domain.part(part);
        DomainPart q = domain.part(partner);
        double[] shift = new double[domain.dimension()];
        if (domain.geometry().isEmpty()) {
            if (p.kind() != DomainPart.Kind.FACE || q.kind() != DomainPart.Kind.FACE || p.variable() != q.variable()
                    || p.upper() == q.upper()) {
                throw new GeopinnException("periodic condition '" + condition + "': parts '" + part + "' and '" + partner
                        + "' must be the lower and upper face of one variable (part.NAME = face VAR lower|upper)");
            }
            int j = p.variable();
            shift[j] = (q.upper() ? 1 : -1) * (domain.upper(j) - domain.lower(j));
            return shift;
        }
        Geometry g = domain.geometry().get();
        int[] a = axis(p);
        int[] b = axis(q);
        if (a == null || b == null || a[0] != b[0] || a[1] == b[1] || a[0] >= domain.dimension()) {
            throw new GeopinnException("periodic condition '" + condition + "': parts '" + part + "' and '" + partner
                    + "' must be the two opposite faces of one axis of the geometry (xmin and xmax, ymin and ymax, …)");
        }
        // A time × space product puts t first; the faces are named by the spatial axes.
        int j = a[0] + (g.boundaryParts().contains("initial") && domain.variables().get(0).equals("t") ? 1 : 0);
        if (j >= domain.dimension()) {
            throw new GeopinnException("periodic condition '" + condition + "': the geometry has no axis of face '" + part + "'");
        }
        shift[j] = (b[1] == 1 ? 1 : -1) * (g.upper()[j] - g.lower()[j]);
        check(condition, g, p, q, shift);
        return shift;
    }

    /** @return {axis, 0 for min or 1 for max} of a part that is one face named like xmin, or null */
    private static int[] axis(DomainPart p) {
        if (p.kind() != DomainPart.Kind.GEOMETRY || p.geometryParts().size() != 1) {
            return null;
        }
        String name = p.geometryParts().get(0).toLowerCase(Locale.ROOT);
        if (!(name.endsWith("min") || name.endsWith("max")) || name.length() < 4) {
            return null;
        }
        String axis = name.substring(0, name.length() - 3);
        int side = name.endsWith("max") ? 1 : 0;
        for (int k = 0; k < AXES.length; k++) {
            if (AXES[k].equals(axis)) {
                return new int[] {k, side};
            }
        }
        if (axis.startsWith("x")) {
            try {
                return new int[] {Integer.parseInt(axis.substring(1)) - 1, side};
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Every sample point of the part, shifted, must lie on the partner's boundary. */
    private static void check(String condition, Geometry g, DomainPart p, DomainPart q, double[] shift) {
        BoundarySample s = g.sampleBoundary(List.of(p.geometryParts().get(0)), 64, 12345);
        int d = g.dimension();
        double size = 0;
        for (int j = 0; j < d; j++) {
            size = Math.max(size, g.upper()[j] - g.lower()[j]);
        }
        double[] y = new double[d];
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < d; j++) {
                y[j] = s.points()[i * d + j] + shift[j];
            }
            if (Math.abs(g.signedDistance(y)) > 1e-9 * size) {
                throw new GeopinnException("periodic condition '" + condition + "': part '" + p.name() + "' shifted by "
                        + java.util.Arrays.toString(shift) + " does not land on the boundary (at " + java.util.Arrays.toString(y)
                        + "); the faces of a periodic pair must be translates of each other");
            }
        }
    }
}
