package org.geopinn.problems.check;

import org.geopinn.api.problem.Problem;
import org.geopinn.problem.builder.ProblemCheck;

/**
 * Checks that a problem is consistent before any training starts. The check itself lives in the
 * problem builder bundle ({@link ProblemCheck}), beside the builder every Java problem uses, so
 * built-in problems, declared problems and third-party plugins report the same one-line messages;
 * this class keeps the exported entry point of this package.
 */
public final class ProblemValidator {
    private ProblemValidator() {
    }

    /**
     * @param problem the problem to check
     * @throws org.geopinn.api.GeopinnException naming the problem and the first inconsistency found
     */
    public static void validate(Problem problem) {
        ProblemCheck.validate(problem);
    }
}
