/**
 * Differential operators and coordinate functions as expression trees ({@link org.geopinn.api.expr.Expr})
 * and the names they use ({@link org.geopinn.api.expr.Symbols}). Building them in Java, parsing
 * them from text such as {@code u_t - 0.25*u_xx}, printing and evaluating them is the work of the
 * bundle {@code org.geopinn.expr}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.geopinn.api.expr;
