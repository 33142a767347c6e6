package org.geopinn.api.problem;

import java.util.ArrayList;
import java.util.List;
import org.geopinn.api.GeopinnException;

/**
 * A box [lower, upper] in the problem's variables, with named parts where conditions hold.
 */
public final class Domain {
    private final List<String> variables;
    private final double[] lower;
    private final double[] upper;
    private final List<DomainPart> parts;

    /**
     * @param variables variable names in coordinate order
     * @param lower lower bound per variable
     * @param upper upper bound per variable
     * @param parts the named parts
     * @throws GeopinnException for mismatched dimensions, empty intervals or repeated part names
     */
    public Domain(List<String> variables, double[] lower, double[] upper, List<DomainPart> parts) {
        this.variables = List.copyOf(variables);
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
            int[] vs = p.kind() == DomainPart.Kind.FACE ? new int[] {p.variable()} : p.boundaryVariables();
            for (int v : vs) {
                if (v < 0 || v >= variables.size()) {
                    throw new GeopinnException("domain part '" + p.name() + "' refers to variable #" + v + " of " + variables);
                }
            }
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
