package org.geopinn.expr;

import org.geopinn.api.expr.Expr;

import org.geopinn.api.GeopinnException;

/** Operator text that cannot be parsed: the message names the column and what was expected. */
public class ExprParseException extends GeopinnException {
    private static final long serialVersionUID = 1L;
    private final int column;

    /**
     * @param message what is wrong
     * @param column 1-based column in the text
     */
    public ExprParseException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** @return the 1-based column where the problem was found */
    public int column() {
        return column;
    }
}
