package org.geopinn.engine;

import java.util.List;
import org.geopinn.api.model.ModelSpec;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.SessionSpec;

/**
 * A session spec with every default filled in and every id checked.
 *
 * @param spec the spec, complete (model, engine, chain, weighting, steps …)
 * @param problem the problem service it names
 * @param modelSpec what the model factory builds
 * @param stages the optimizer chain
 * @param strategy what the default strategy chose and why, null when the spec and the problem named
 *        both the chain and the weighting
 */
record ResolvedSpec(SessionSpec spec, Problem problem, ModelSpec modelSpec, List<OptimizerStage> stages, String strategy) {
    /**
     * @param step a step count
     * @return the index of the chain stage that takes the step after {@code step} steps
     */
    int stageAt(long step) {
        long end = 0;
        for (int i = 0; i < stages.size(); i++) {
            long n = stages.get(i).steps();
            if (n == 0 || i == stages.size() - 1) {
                return i;
            }
            end += n;
            if (step < end) {
                return i;
            }
        }
        return stages.size() - 1;
    }

    /** @param stage a stage index @return the step count at which it ends; Long.MAX_VALUE for the last */
    long stageEnd(int stage) {
        if (stage >= stages.size() - 1) {
            return Long.MAX_VALUE;
        }
        long end = 0;
        for (int i = 0; i <= stage; i++) {
            end += stages.get(i).steps();
        }
        return end;
    }
}
