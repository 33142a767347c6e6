package org.geopinn.problem.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.geometry.Geometry;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.expr.Vocabulary;

/**
 * The domain part of a {@link ProblemBuilder}'s declarations: the variables with their bounds (or
 * a geometry and its coordinates' names), the parametric inputs, and the named parts, resolved into
 * a {@link Domain} with the implicit parts ({@code interior}, {@code boundary}, {@code initial}).
 */
final class DomainDeclarations {
    private final List<String> variables = new ArrayList<>();
    private final List<Double> lower = new ArrayList<>();
    private final List<Double> upper = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();
    private final Map<String, Function<Vocabulary, DomainPart>> parts = new LinkedHashMap<>();
    private Geometry geometry;

    /** A variable with its bounds (a box's side). */
    void variable(String name, double min, double max) {
        variables.add(name);
        lower.add(min);
        upper.add(max);
    }

    /** A parametric input: a variable that is no coordinate of space. */
    void parameter(String name, double min, double max) {
        variable(name, min, max);
        parameters.add(name);
    }

    /** The domain as a geometry whose coordinates have these names. */
    void geometry(Geometry region, String... names) {
        this.geometry = region;
        for (String name : names) {
            variables.add(name);
            lower.add(Double.NaN); // bounds come from the geometry
            upper.add(Double.NaN);
        }
    }

    /** A named part (or one replacing an implicit part of that name), made once the vocabulary is known. */
    void part(String name, Function<Vocabulary, DomainPart> part) {
        parts.put(name, part);
    }

    /** The lower and upper faces of the given variables. */
    void boundary(String name, String... ofVariables) {
        part(name, v -> DomainPart.boundary(name, indices(v, ofVariables)));
    }

    /** One face of one variable. */
    void face(String name, String variable, boolean atUpper) {
        part(name, v -> DomainPart.face(name, index(v, variable), atUpper));
    }

    /** @param fields the output fields @return the vocabulary of these variables and fields, with the parametric inputs */
    Vocabulary vocabulary(List<String> fields) {
        return new Vocabulary(variables, fields).withParameters(parameters);
    }

    /**
     * @param v the vocabulary
     * @return the domain: the box of the bounds or the geometry, with its implicit and declared parts
     * @throws GeopinnException when a geometry domain also has variable bounds
     */
    Domain build(Vocabulary v) {
        if (geometry == null) {
            // parametric inputs are no coordinates of space: the normal (dn) ignores their faces
            return new Domain(variables, toArray(lower), toArray(upper), boxParts(v)).withParameters(parameters);
        }
        if (lower.stream().anyMatch(b -> !b.isNaN())) {
            throw new GeopinnException("the domain is a geometry; give its variables with domain(geometry, names…), not variable(name, min, max)");
        }
        Map<String, DomainPart> all = new LinkedHashMap<>();
        implicitParts(geometry).forEach(p -> all.put(p.name(), p));
        parts.forEach((name, part) -> all.put(name, part.apply(v)));
        return new Domain(variables, geometry, new ArrayList<>(all.values()));
    }

    /** @param into a fresh declaration that receives a copy of these */
    void copyInto(DomainDeclarations into) {
        into.variables.addAll(variables);
        into.lower.addAll(lower);
        into.upper.addAll(upper);
        into.parameters.addAll(parameters);
        into.parts.putAll(parts);
        into.geometry = geometry;
    }

    /** @see ProblemBuilder#implicitParts(Geometry) */
    static List<DomainPart> implicitParts(Geometry geometry) {
        Map<String, DomainPart> all = new LinkedHashMap<>();
        all.put("interior", DomainPart.interior("interior"));
        List<String> spatial = geometry.boundaryParts().stream()
                .filter(p -> !p.equals(Geometry.INITIAL) && !p.equals(Geometry.FINAL)).toList();
        all.put("boundary", DomainPart.geometry("boundary", spatial.toArray(String[]::new)));
        for (String p : geometry.boundaryParts()) {
            all.putIfAbsent(p, DomainPart.geometry(p, p));
        }
        return new ArrayList<>(all.values());
    }

    private List<DomainPart> boxParts(Vocabulary v) {
        Map<String, DomainPart> all = new LinkedHashMap<>();
        all.put("interior", DomainPart.interior("interior"));
        List<String> spatial = v.spatialVariables();
        if (!spatial.isEmpty()) {
            all.put("boundary", DomainPart.boundary("boundary", spatial.stream().mapToInt(v::variableIndex).toArray()));
        }
        if (v.variables().contains(Vocabulary.TIME)) {
            all.put("initial", DomainPart.face("initial", v.variableIndex(Vocabulary.TIME), false));
        }
        parts.forEach((name, part) -> all.put(name, part.apply(v)));
        return new ArrayList<>(all.values());
    }

    private static int index(Vocabulary v, String variable) {
        if (!v.variables().contains(variable)) {
            throw new GeopinnException("'" + variable + "' is not a variable; variables are " + v.variables());
        }
        return v.variableIndex(variable);
    }

    private static int[] indices(Vocabulary v, String... names) {
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = index(v, names[i]);
        }
        return out;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
