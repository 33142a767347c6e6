package org.geopinn.problem.builder;

import org.geopinn.api.GeopinnException;
import org.geopinn.api.expr.Expr;
import org.geopinn.api.expr.PointFunction;
import org.geopinn.expr.ExprPrinter;
import org.geopinn.expr.Vocabulary;

/** Operator and source text read in a problem's vocabulary, with messages that name what was read. */
final class TextForms {
    private TextForms() {
    }

    /**
     * @param v the vocabulary
     * @param what what the text is, for the message (e.g. {@code condition 'pde': operator})
     * @param text operator text
     * @return the expression
     * @throws GeopinnException naming what and the text
     */
    static Expr parse(Vocabulary v, String what, String text) {
        try {
            return v.parse(text);
        } catch (GeopinnException e) {
            throw new GeopinnException(what + " '" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * @param v the vocabulary
     * @param what what the text is, for the message
     * @param text text in the variables only
     * @return it as a function of the point
     * @throws GeopinnException when it does not parse or uses a field
     */
    static PointFunction coordinates(Vocabulary v, String what, String text) {
        Expr e = parse(v, what, text);
        if (ExprPrinter.dependsOnFields(e)) {
            throw new GeopinnException(what + " '" + text + "' uses a field; it must be a function of the variables "
                    + v.variables() + " only");
        }
        return x -> ExprPrinter.valueAt(e, x);
    }
}
