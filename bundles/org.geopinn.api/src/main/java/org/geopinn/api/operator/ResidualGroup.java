package org.geopinn.api.operator;

/**
 * The rows of a residual system that belong to one condition.
 *
 * @param name the condition's name
 * @param offset the first row
 * @param size the number of rows (collocation points of that condition)
 */
public record ResidualGroup(String name, int offset, int size) {
}
