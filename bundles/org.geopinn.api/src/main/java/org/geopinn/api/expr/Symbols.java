package org.geopinn.api.expr;

import java.util.List;
import java.util.SortedMap;

/**
 * The names a problem's operators use, as the operator engines read them: the input variables in
 * coordinate order, the output fields in model output order, the variables that are parameters,
 * and the named coefficients. The implementation that also builds and parses operators is
 * {@code org.geopinn.expr.Vocabulary} (bundle {@code org.geopinn.expr}).
 */
@org.osgi.annotation.versioning.ProviderType
public interface Symbols {
    /** The name of the time variable, excluded from spatial operators. */
    String TIME = "t";

    /** @return the input variables, in coordinate order */
    List<String> variables();

    /** @return the output fields, in model output order */
    List<String> fields();

    /** @return the spatial variables: all but {@value #TIME} and the {@link #parameters()} */
    List<String> spatialVariables();

    /** @return the variables that are parameters (coefficients given to the network as inputs), in declaration order */
    List<String> parameters();

    /** @return the named coefficients, name → node (sorted by name) */
    SortedMap<String, Expr.Coefficient> coefficients();

    /** @return whether operators may use the outward normals of the domain's boundary ({@code dn(u)}) */
    boolean hasNormals();

    /**
     * @param name a variable name
     * @return its index
     * @throws org.geopinn.api.GeopinnException if unknown
     */
    int variableIndex(String name);

    /**
     * @param name a field name
     * @return its index
     * @throws org.geopinn.api.GeopinnException if unknown
     */
    int fieldIndex(String name);
}
