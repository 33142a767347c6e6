package org.geopinn.problems.library;

import org.geopinn.api.expr.Expr;
import org.geopinn.expr.ExprPrinter;

/** The highest derivative order in an operator. */
final class ExprOrders {
    private ExprOrders() {
    }

    static int maxOrder(Expr e) {
        return ExprPrinter.fieldDerivatives(e).stream().mapToInt(Expr.FieldDerivative::totalOrder).max().orElse(0);
    }
}
