/**
 * The short way to write a PDE problem in Java: {@link org.geopinn.problem.builder.ProblemBuilder}
 * (variables with their bounds, fields, conditions from operator text or Java expressions, a
 * reference solution, solver settings), {@link org.geopinn.problem.builder.ProblemComponent} (the
 * base of a Declarative Services problem component) and
 * {@link org.geopinn.problem.builder.ProblemCheck} (the consistency check every problem passes).
 * The built-in problems are written with it, and so is a third-party plugin.
 *
 * <p>Why a bundle of its own and not the API: the API bundle holds contracts only (interfaces and
 * value types every provider and consumer shares, versioned with care), while this is a helper
 * with behaviour — parsing, defaults such as the implicit domain parts, messages — that will change
 * more often. Why not a package exported by the problems bundle: a plugin would then be wired to
 * the bundle of the built-in problems, so updating or removing the built-ins would stop every
 * plugin problem. Here a plugin depends on the API and on this small bundle only (in the
 * {@code core} feature), and the package is versioned on its own: added methods raise the minor
 * version, so plugins importing {@code [1.0,2)} keep working.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.geopinn.problem.builder;
