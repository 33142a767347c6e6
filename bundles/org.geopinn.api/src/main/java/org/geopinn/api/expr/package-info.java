/**
 * Differential operators and coordinate functions as expression trees: composed in Java
 * ({@link org.geopinn.api.expr.Vocabulary}) or parsed from text such as {@code u_t - 0.25*u_xx}
 * ({@link org.geopinn.api.expr.ExprParser}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.geopinn.api.expr;
