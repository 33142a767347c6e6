package org.geopinn.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.geopinn.api.session.ProblemConfiguration;

/**
 * The problem configurations a session trained with: the first, and one more each time its
 * problem came back (after going away) with other configured values. Read from any thread.
 */
final class ConfigurationLog {
    private final List<ProblemConfiguration> configurations = new ArrayList<>();

    /** @return the configurations so far, oldest first */
    synchronized List<ProblemConfiguration> all() {
        return List.copyOf(configurations);
    }

    /**
     * @param step the step from which on the problem has these values
     * @param config the problem's configured values
     * @return what changed since the last configuration, as said on resuming; null when nothing did
     */
    synchronized String record(long step, Map<String, String> config) {
        if (configurations.isEmpty()) {
            configurations.add(new ProblemConfiguration(step, config));
            return null;
        }
        ProblemConfiguration last = configurations.get(configurations.size() - 1);
        if (last.settings().equals(config)) {
            return null;
        }
        configurations.add(new ProblemConfiguration(step, config));
        return "; problem configuration changed (" + changes(last.settings(), config) + ") for the steps after " + step;
    }

    /** @return the values that differ, e.g. {@code gamma 1.0 -> 10} */
    private static String changes(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String a = before.get(k);
            String b = after.get(k);
            if (!Objects.equals(a, b)) {
                out.add(k + " " + (a == null ? "unset" : a) + " -> " + (b == null ? "unset" : b));
            }
        }
        return String.join(", ", out);
    }
}
