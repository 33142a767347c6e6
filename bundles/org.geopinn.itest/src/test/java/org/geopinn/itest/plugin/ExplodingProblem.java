package org.geopinn.itest.plugin;

import java.util.List;
import org.geopinn.api.GeopinnException;
import org.geopinn.expr.Vocabulary;
import org.geopinn.api.problem.Condition;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;

/**
 * A broken plugin for the bad-input tests: its component throws on activation. Packed into a
 * bundle of its own at test time by {@link org.geopinn.itest.TestBundles}; never used on the test's
 * class path.
 */
public class ExplodingProblem implements Problem {
    /** The message its activation fails with. */
    public static final String MESSAGE = "exploding: this plugin cannot start (broken on purpose)";

    /** Called by Declarative Services: always fails. */
    public void activate() {
        throw new GeopinnException(MESSAGE);
    }

    @Override
    public String id() {
        return "exploding";
    }

    @Override
    public String description() {
        return "never available";
    }

    @Override
    public Vocabulary vocabulary() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Domain domain() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Condition> conditions() {
        throw new UnsupportedOperationException();
    }
}
