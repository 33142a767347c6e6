/**
 * Checks shared by every problem, whether written in Java or declared in a file: consistency of a
 * declaration before any training ({@link org.geopinn.problems.check.ProblemValidator}).
 * Private to this bundle: no other bundle imports it.
 */
package org.geopinn.problems.check;
