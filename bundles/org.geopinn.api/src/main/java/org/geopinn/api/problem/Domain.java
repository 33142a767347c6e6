package org.geopinn.api.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.Geometry;

/**
 * The region of a problem's variables with named parts where conditions hold: a box
 * [lower, upper], or a {@link Geometry} (a plate with a hole, a disk, a time × space product …)
 * whose bounding box then gives {@link #lower()} and {@link #upper()}.
 */
public final class Domain {
    private final List<String> variables;
    private final double[] lower;
    private final double[] upper;
    private final List<DomainPart> parts;
    private final Geometry geometry;
    /** Inputs that are no coordinates of space (parametric coefficients): their faces have no normal. */
    private final java.util.Set<String> parameters;

    /**
     * @param variables variable names in coordinate order
     * @param lower lower bound per variable
     * @param upper upper bound per variable
     * @param parts the named parts
     * @throws GeopinnException for mismatched dimensions, empty intervals or repeated part names
     */
    public Domain(List<String> variables, double[] lower, double[] upper, List<DomainPart> parts) {
        this(variables, lower, upper, parts, null);
    }

    /**
     * A domain given by a geometry; its parts are {@link DomainPart#interior interior} parts and
     * {@link DomainPart#geometry geometry} parts naming the geometry's boundary parts.
     *
     * @param variables variable names in coordinate order, as many as the geometry's dimension
     * @param geometry the region
     * @param parts the named parts
     * @throws GeopinnException for a dimension mismatch, a box face part, an unknown boundary part
     *         name or repeated part names
     */
    public Domain(List<String> variables, Geometry geometry, List<DomainPart> parts) {
        this(variables, geometry.lower(), geometry.upper(), parts, geometry);
    }

    private Domain(List<String> variables, double[] lower, double[] upper, List<DomainPart> parts, Geometry geometry) {
        this(variables, lower, upper, parts, geometry, java.util.Set.of());
    }

    private Domain(List<String> variables, double[] lower, double[] upper, List<DomainPart> parts, Geometry geometry,
            java.util.Set<String> parameters) {
        this.geometry = geometry;
        this.parameters = java.util.Set.copyOf(parameters);
        for (String name : parameters) {
            if (!variables.contains(name)) {
                throw new GeopinnException("parametric input '" + name + "' is not one of the variables " + variables);
            }
        }
        this.variables = List.copyOf(variables);
        if (geometry != null && geometry.dimension() != variables.size()) {
            throw new GeopinnException("the geometry has dimension " + geometry.dimension() + " but there are "
                    + variables.size() + " variables " + variables);
        }
        if (lower.length != variables.size() || upper.length != variables.size()) {
            throw new GeopinnException("domain bounds have " + lower.length + " and " + upper.length
                    + " entries but there are " + variables.size() + " variables " + variables);
        }
        for (int j = 0; j < lower.length; j++) {
            if (!(lower[j] < upper[j])) {
                throw new GeopinnException("domain interval of " + variables.get(j) + " is empty: [" + lower[j] + ", " + upper[j] + "]");
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.parts = List.copyOf(parts);
        List<String> seen = new ArrayList<>();
        for (DomainPart p : parts) {
            if (seen.contains(p.name())) {
                throw new GeopinnException("domain part '" + p.name() + "' is declared twice");
            }
            seen.add(p.name());
            checkKind(p);
            int[] vs = p.kind() == DomainPart.Kind.FACE ? new int[] {p.variable()} : p.boundaryVariables();
            for (int v : vs) {
                if (v < 0 || v >= variables.size()) {
                    throw new GeopinnException("domain part '" + p.name() + "' refers to variable #" + v + " of " + variables);
                }
            }
        }
    }

    private void checkKind(DomainPart p) {
        if (geometry == null && p.kind() == DomainPart.Kind.GEOMETRY) {
            throw new GeopinnException("domain part '" + p.name() + "' names boundary parts of a geometry but the domain is a box;"
                    + " use a face or boundary part");
        }
        if (geometry != null && (p.kind() == DomainPart.Kind.FACE || p.kind() == DomainPart.Kind.BOUNDARY)) {
            throw new GeopinnException("domain part '" + p.name() + "' is a box " + p.kind().name().toLowerCase()
                    + " but the domain is a geometry; name its boundary parts " + geometry.boundaryParts());
        }
        if (p.kind() == DomainPart.Kind.GEOMETRY) {
            for (String g : p.geometryParts()) {
                if (!geometry.boundaryParts().contains(g)) {
                    throw new GeopinnException("domain part '" + p.name() + "' names boundary part '" + g
                            + "'; the geometry's boundary parts are " + geometry.boundaryParts());
                }
            }
        }
    }

    /**
     * This domain with some of its variables marked as parametric inputs (coefficients given to the
     * network over a range, {@link org.geopinn.api.expr.Symbols#parameters}): they are no
     * coordinates of space, so {@link #normal} never picks one of their faces.
     *
     * @param names variables of this domain
     * @return the marked domain
     * @throws GeopinnException for a name that is not a variable
     */
    public Domain withParameters(List<String> names) {
        return new Domain(variables, lower, upper, parts, geometry, new java.util.HashSet<>(names));
    }

    /** @return the variables marked as parametric inputs (see {@link #withParameters}), possibly none */
    public java.util.Set<String> parameters() {
        return parameters;
    }

    /** @return the geometry of a domain built from one; empty for a box */
    public Optional<Geometry> geometry() {
        return Optional.ofNullable(geometry);
    }

    /**
     * @param x a point (not modified)
     * @return whether it lies in the closed domain
     */
    public boolean contains(double[] x) {
        if (geometry != null) {
            return geometry.contains(x);
        }
        for (int j = 0; j < lower.length; j++) {
            if (!(x[j] >= lower[j] && x[j] <= upper[j])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The outward unit normal of the domain's spatial boundary at the boundary point nearest x: the
     * geometry's normal, or for a box the normal of the nearest face of a variable other than
     * {@code t} and the {@link #parameters() parametric inputs} (they have no spatial normal).
     *
     * @param x a point (not modified)
     * @param out receives the normal, one entry per variable (modified)
     */
    public void normal(double[] x, double[] out) {
        if (geometry != null) {
            geometry.normal(x, out);
            return;
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        boolean bestUpper = false;
        for (int j = 0; j < lower.length; j++) {
            out[j] = 0;
            if (variables.get(j).equals(org.geopinn.api.expr.Symbols.TIME) || parameters.contains(variables.get(j))) {
                continue;
            }
            double below = Math.abs(x[j] - lower[j]);
            double above = Math.abs(upper[j] - x[j]);
            if (below < bestDistance) {
                best = j;
                bestDistance = below;
                bestUpper = false;
            }
            if (above < bestDistance) {
                best = j;
                bestDistance = above;
                bestUpper = true;
            }
        }
        if (best >= 0) {
            out[best] = bestUpper ? 1 : -1;
        }
    }

    /** @return the number of variables */
    public int dimension() {
        return variables.size();
    }

    /** @return the variable names */
    public List<String> variables() {
        return variables;
    }

    /** @param j a variable index @return its lower bound */
    public double lower(int j) {
        return lower[j];
    }

    /** @param j a variable index @return its upper bound */
    public double upper(int j) {
        return upper[j];
    }

    /** @return the lower bounds (a copy) */
    public double[] lower() {
        return lower.clone();
    }

    /** @return the upper bounds (a copy) */
    public double[] upper() {
        return upper.clone();
    }

    /** @return the named parts */
    public List<DomainPart> parts() {
        return parts;
    }

    /**
     * @param name a part name
     * @return the part
     * @throws GeopinnException if there is no such part, naming the parts there are
     */
    public DomainPart part(String name) {
        for (DomainPart p : parts) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new GeopinnException("no domain part '" + name + "'; parts are "
                + parts.stream().map(DomainPart::name).toList());
    }
}
