package org.geopinn.cli.solve;

import java.nio.file.Path;
import java.util.List;
import org.geopinn.api.session.Session;

/**
 * Reads the arguments of a solve ({@code PROBLEM [--option value]…}, the options of
 * {@code ./geopinn solve}: chain, steps, model, points, weighting with settings,
 * {@code --problem-config}, {@code --out}, {@code --resume}, {@code --config FILE} …) into a
 * session spec, and writes a session's results directory. Provided by the CLI bundle.
 */
@org.osgi.annotation.versioning.ProviderType
public interface SolvePlanner {
    /** @return the options, one per line, for help texts */
    String options();

    /**
     * Parses and checks the arguments; a {@code --problem-config} is applied to the problem
     * (through Configuration Admin) before this returns.
     *
     * @param args the words after {@code solve}
     * @return the plan
     * @throws org.geopinn.api.GeopinnException one line naming the bad argument
     */
    SolvePlan plan(List<String> args);

    /**
     * @param session a session started from {@code plan.spec()}
     * @param plan its plan
     * @return the results directory written (continuing the earlier run's history on resume)
     * @throws org.geopinn.api.GeopinnException if it cannot be written
     */
    Path write(Session session, SolvePlan plan);

    /**
     * Writes a checkpoint of a session still training: what a resume needs (parameters, optimizer
     * state, history, run settings, {@code summary.json} with state {@code running}), no solution
     * files or pictures.
     *
     * @param session a running session started from {@code plan.spec()}
     * @param plan its plan
     * @return the results directory written
     * @throws org.geopinn.api.GeopinnException if it cannot be written; it is then unchanged
     */
    Path checkpoint(Session session, SolvePlan plan);
}
