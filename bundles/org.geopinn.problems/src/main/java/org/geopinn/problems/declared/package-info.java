/**
 * PDE problems declared as text (a ConfigAdmin factory configuration, a {@code .cfg} file in the
 * host's {@code plugins/} folder, or a plain properties file): see
 * {@link org.geopinn.problems.declared.ProblemDeclaration} and docs/PROBLEMS.md for the format.
 * Private to this bundle: no other bundle imports it.
 */
package org.geopinn.problems.declared;
