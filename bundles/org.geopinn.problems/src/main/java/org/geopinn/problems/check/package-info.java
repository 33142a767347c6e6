/**
 * Checks shared by every problem, whether written in Java or declared in a file: consistency of a
 * declaration before any training ({@link org.geopinn.problems.check.ProblemValidator}) and
 * per-field relative L2 errors against a reference solution on an evaluation grid
 * ({@link org.geopinn.problems.check.ErrorMeasure}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.problems.check;
