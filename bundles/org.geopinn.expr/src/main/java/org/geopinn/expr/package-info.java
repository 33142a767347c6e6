/**
 * Operator expressions beyond the tree of the API: {@link org.geopinn.expr.Vocabulary} builds them in
 * Java and implements the {@link org.geopinn.api.expr.Symbols} a problem declares,
 * {@link org.geopinn.expr.ExprParser} reads operator text such as {@code u_t - 0.25*u_xx},
 * {@link org.geopinn.expr.ExprPrinter} prints, evaluates and walks a tree, and
 * {@link org.geopinn.expr.ExprLimits} bounds the work any expression may cause.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.expr;
