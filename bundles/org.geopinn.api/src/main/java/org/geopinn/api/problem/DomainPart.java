package org.geopinn.api.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named part of a domain where a condition holds: the interior; for a box, one face (a variable
 * fixed at its lower or upper bound, e.g. the initial slice t = 0) or the union of all faces of
 * some variables (e.g. the whole spatial boundary); for a domain given by a
 * {@link org.geopinn.api.geometry.Geometry}, the union of some of its named boundary parts.
 */
public final class DomainPart {
    /** What kind of set a part is. */
    public enum Kind {
        /** The open box. */ INTERIOR,
        /** One face: one variable fixed at a bound. */ FACE,
        /** The union of both faces of each listed variable. */ BOUNDARY,
        /** The union of named boundary parts of the domain's geometry (all of them when none is named). */ GEOMETRY
    }

    private final String name;
    private final Kind kind;
    private final int variable;
    private final boolean upper;
    private final int[] boundaryVariables;
    private final List<String> geometryParts;

    private DomainPart(String name, Kind kind, int variable, boolean upper, int[] boundaryVariables) {
        this(name, kind, variable, upper, boundaryVariables, List.of());
    }

    private DomainPart(String name, Kind kind, int variable, boolean upper, int[] boundaryVariables,
            List<String> geometryParts) {
        this.geometryParts = List.copyOf(geometryParts);
        this.name = Objects.requireNonNull(name);
        this.kind = kind;
        this.variable = variable;
        this.upper = upper;
        this.boundaryVariables = boundaryVariables;
    }

    /** @param name the part's name, e.g. "interior" @return the interior of the box */
    public static DomainPart interior(String name) {
        return new DomainPart(name, Kind.INTERIOR, -1, false, new int[0]);
    }

    /**
     * @param name the part's name, e.g. "left" or "initial"
     * @param variable index of the variable held fixed
     * @param upper true for the upper bound, false for the lower
     * @return one face of the box
     */
    public static DomainPart face(String name, int variable, boolean upper) {
        return new DomainPart(name, Kind.FACE, variable, upper, new int[0]);
    }

    /**
     * @param name the part's name, e.g. "boundary"
     * @param variables indices of the variables whose two faces belong to the part
     * @return the union of those faces
     */
    public static DomainPart boundary(String name, int... variables) {
        return new DomainPart(name, Kind.BOUNDARY, -1, false, variables.clone());
    }

    /**
     * @param name the part's name, e.g. "hole" or "walls"
     * @param boundaryParts names of boundary parts of the domain's geometry; none for its whole boundary
     * @return the union of those boundary parts
     */
    public static DomainPart geometry(String name, String... boundaryParts) {
        return new DomainPart(name, Kind.GEOMETRY, -1, false, new int[0], List.of(boundaryParts));
    }

    /** @return for a geometry part, the boundary part names it unites (empty: the whole boundary) */
    public List<String> geometryParts() {
        return geometryParts;
    }

    /** @return the part's name */
    public String name() {
        return name;
    }

    /** @return the kind of set */
    public Kind kind() {
        return kind;
    }

    /** @return for a face, the index of the fixed variable; otherwise -1 */
    public int variable() {
        return variable;
    }

    /** @return for a face, whether the variable sits at its upper bound */
    public boolean upper() {
        return upper;
    }

    /** @return for a boundary, the variables whose faces it unites (a copy) */
    public int[] boundaryVariables() {
        return boundaryVariables.clone();
    }

    /**
     * The measure of this part in the given domain (volume of the interior, area of the faces).
     *
     * @param domain the domain the part belongs to
     * @return its d- or (d-1)-dimensional measure
     */
    public double measure(Domain domain) {
        if (domain.geometry().isPresent()) {
            org.geopinn.api.geometry.Geometry g = domain.geometry().get();
            if (kind == Kind.INTERIOR) {
                return g.volume();
            }
            double m = 0;
            for (String p : geometryParts.isEmpty() ? g.boundaryParts() : geometryParts) {
                m += g.boundaryMeasure(p);
            }
            return m;
        }
        int d = domain.dimension();
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = domain.upper(j) - domain.lower(j);
        }
        double volume = Arrays.stream(w).reduce(1, (a, b) -> a * b);
        switch (kind) {
            case INTERIOR: return volume;
            case FACE: return volume / w[variable];
            default:
                double m = 0;
                for (int j : boundaryVariables) {
                    m += 2 * volume / w[j];
                }
                return m;
        }
    }

    @Override
    public String toString() {
        return name + "(" + kind.name().toLowerCase() + ")";
    }
}
