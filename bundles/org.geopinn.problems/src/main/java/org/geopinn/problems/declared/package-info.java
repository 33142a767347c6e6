/**
 * PDE problems declared as text (a ConfigAdmin factory configuration, a {@code .cfg} file in the
 * host's {@code plugins/} folder, or a plain properties file): see
 * {@link org.geopinn.problems.declared.ProblemDeclaration} and docs/PROBLEMS.md for the format.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.problems.declared;
