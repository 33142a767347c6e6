/**
 * Checks shared by every problem, whether written in Java or declared in a file: consistency of a
 * declaration before any training ({@link org.geopinn.problems.check.ProblemValidator}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geopinn.problems.check;
