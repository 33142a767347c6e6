package org.geopinn.api.model;

/**
 * A named block of the flat parameter vector: a weight matrix (rows × cols, row-major), a bias
 * vector (rows × 1) or another group of parameters.
 *
 * @param name the block's name, e.g. "net0.layer1.weight"
 * @param kind what the block is
 * @param offset index of its first entry in the flat vector
 * @param rows number of rows (outputs of a layer)
 * @param cols number of columns (inputs of a layer); 1 for vectors
 * @param network the network the block belongs to (0 unless each field has its own network)
 */
public record ParameterBlock(String name, Kind kind, int offset, int rows, int cols, int network) {
    /** Kinds of parameter blocks. */
    public enum Kind {
        /** A weight matrix, row-major rows × cols. */ WEIGHT,
        /** A bias vector. */ BIAS,
        /** Anything else (e.g. linear output coefficients of a random feature model). */ OTHER
    }

    /** @return the number of entries, rows × cols */
    public int size() {
        return rows * cols;
    }
}
