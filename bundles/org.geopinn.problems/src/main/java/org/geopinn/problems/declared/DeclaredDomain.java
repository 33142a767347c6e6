package org.geopinn.problems.declared;

import static org.geopinn.problems.declared.DeclarationKeys.abbreviate;
import static org.geopinn.problems.declared.DeclarationKeys.checkName;
import static org.geopinn.problems.declared.DeclarationKeys.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.DomainPart;
import org.geopinn.expr.Vocabulary;
import org.geopinn.geometry.Shape;
import org.geopinn.geometry.ShapeText;
import org.geopinn.problem.builder.ProblemBuilder;

/**
 * The domain of a declaration: a box ({@code lower}, {@code upper}) with parametric ranges as
 * more inputs, a shape ({@code geometry}, with {@code time}) or a point cloud
 * ({@code cloud.interior}, {@code cloud.boundary}), with its parts ({@code part.NAME}).
 */
final class DeclaredDomain {
    private final DeclarationKeys props;

    /** @param props the declaration */
    DeclaredDomain(DeclarationKeys props) {
        this.props = props;
    }

    /**
     * @param variables the variables, the parametric coefficients last
     * @param ranges the parametric coefficients' ranges by name
     * @param plain the vocabulary of the variables and fields (no normals yet)
     * @return the domain
     * @throws GeopinnException one line naming the key at fault
     */
    Domain read(List<String> variables, Map<String, double[]> ranges, Vocabulary plain) {
        if (!ranges.isEmpty() && props.containsKey("geometry")) {
            throw new GeopinnException("parametric coefficients need a box domain (lower, upper); with a geometry they are not supported yet");
        }
        return props.containsKey("geometry") || props.containsKey("cloud.interior")
                || props.containsKey("cloud.boundary") ? geometryDomain(variables, plain)
                : new Domain(variables, withRanges(props.numbers("lower"), ranges, 0), withRanges(props.numbers("upper"), ranges, 1), parts(plain))
                        .withParameters(List.copyOf(ranges.keySet())); // no spatial faces: dn ignores them
    }

    private Domain geometryDomain(List<String> variables, Vocabulary v) {
        if (props.containsKey("lower") || props.containsKey("upper")) {
            throw new GeopinnException("lower and upper bound a box; with 'geometry' leave them out (the geometry bounds itself)");
        }
        org.geopinn.api.geometry.Geometry shape = props.containsKey("geometry") ? ShapeText.parse(text(props.get("geometry")), props.base())
                : cloud(variables);
        if (props.containsKey("geometry") && (props.containsKey("cloud.interior") || props.containsKey("cloud.boundary"))) {
            throw new GeopinnException("give the domain either as geometry = … or as a point cloud (cloud.interior, cloud.boundary), not both");
        }
        if (props.containsKey("time") && shape instanceof Shape s) {
            double[] time = props.numbers("time");
            if (time.length != 2 || !variables.get(0).equals(Vocabulary.TIME)) {
                throw new GeopinnException("time = t0, t1 needs two numbers and '" + Vocabulary.TIME
                        + "' as the first variable; variables are " + variables);
            }
            shape = s.overTime(time[0], time[1]);
        } else if (props.containsKey("time")) {
            throw new GeopinnException("time = t0, t1 needs a geometry = … shape; a point cloud is a domain in space only");
        }
        Map<String, DomainPart> parts = new LinkedHashMap<>();
        ProblemBuilder.implicitParts(shape).forEach(p -> parts.put(p.name(), p));
        for (String key : props.keySet()) {
            if (key.startsWith("part.")) {
                String name = key.substring("part.".length());
                checkName("part", name);
                String[] words = text(props.get(key)).trim().split("[\\s,]+");
                if (words[0].equals("interior") && words.length == 1) {
                    parts.put(name, DomainPart.interior(name));
                } else if (words[0].equals("geometry") && words.length > 1) {
                    parts.put(name, DomainPart.geometry(name, java.util.Arrays.copyOfRange(words, 1, words.length)));
                } else {
                    throw new GeopinnException("part." + name + " = '" + abbreviate(text(props.get(key)))
                            + "': on a geometry write 'interior' or 'geometry PART…' with parts among " + shape.boundaryParts());
                }
            }
        }
        return new Domain(variables, shape, new ArrayList<>(parts.values()));
    }

    /** cloud.interior = FILE, cloud.boundary = FILE: CSV files relative to the declaration's folder. */
    private org.geopinn.geometry.PointCloud cloud(List<String> variables) {
        Path[] files = new Path[2];
        String[] keys = {"cloud.interior", "cloud.boundary"};
        for (int k = 0; k < 2; k++) {
            Path f = Path.of(text(props.required(keys[k])).trim());
            files[k] = f.isAbsolute() || props.base() == null ? f : props.base().resolve(f);
        }
        return org.geopinn.geometry.PointCloud.read(variables, files[0], files[1]);
    }

    private List<DomainPart> parts(Vocabulary v) {
        Map<String, DomainPart> parts = new LinkedHashMap<>();
        parts.put("interior", DomainPart.interior("interior"));
        List<String> spatial = v.spatialVariables();
        if (!spatial.isEmpty()) {
            parts.put("boundary", DomainPart.boundary("boundary",
                    spatial.stream().mapToInt(v::variableIndex).toArray()));
        }
        if (v.variables().contains(Vocabulary.TIME)) {
            parts.put("initial", DomainPart.face("initial", v.variableIndex(Vocabulary.TIME), false));
        }
        for (String key : props.keySet()) {
            if (key.startsWith("part.")) {
                String name = key.substring("part.".length());
                checkName("part", name);
                parts.put(name, part(name, text(props.get(key)), v));
            }
        }
        return new ArrayList<>(parts.values());
    }

    private DomainPart part(String name, String spec, Vocabulary v) {
        String[] words = spec.trim().split("[\\s,]+");
        String usage = "part." + name + " = '" + abbreviate(spec) + "': write 'interior', 'boundary VAR…' or 'face VAR lower|upper'";
        switch (words[0]) {
            case "interior":
                if (words.length != 1) {
                    throw new GeopinnException(usage);
                }
                return DomainPart.interior(name);
            case "boundary": {
                if (words.length < 2) {
                    throw new GeopinnException(usage);
                }
                int[] vars = new int[words.length - 1];
                for (int i = 1; i < words.length; i++) {
                    vars[i - 1] = v.variableIndex(words[i]);
                }
                return DomainPart.boundary(name, vars);
            }
            case "face":
                if (words.length != 3 || !(words[2].equals("lower") || words[2].equals("upper"))) {
                    throw new GeopinnException(usage);
                }
                return DomainPart.face(name, v.variableIndex(words[1]), words[2].equals("upper"));
            default:
                throw new GeopinnException(usage);
        }
    }

    /** @return the box bounds followed by one end (0 lower, 1 upper) of each parametric range */
    private static double[] withRanges(double[] bounds, Map<String, double[]> ranges, int end) {
        double[] all = java.util.Arrays.copyOf(bounds, bounds.length + ranges.size());
        int i = bounds.length;
        for (double[] r : ranges.values()) {
            all[i++] = r[end];
        }
        return all;
    }
}
