package org.geopinn.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A problem's settings are the host's (Configuration Admin), and a running session follows a
 * change of them. Runs of one problem with different settings therefore take turns: any number
 * of runs with the same settings at once, a run with other settings once they have all ended.
 */
final class ProblemGate {
    private final BiConsumer<String, Map<String, String>> configure;
    private final Map<String, Map<String, String>> current = new HashMap<>();
    private final Map<String, Integer> users = new HashMap<>();

    /** @param configure gives a problem settings (problem id, settings) and waits until it carries them */
    ProblemGate(BiConsumer<String, Map<String, String>> configure) {
        this.configure = configure;
    }

    /**
     * Waits until the problem may run with these settings, configuring it when no run uses it.
     *
     * @param problem the problem id
     * @param settings the run's settings (empty: whatever the problem has)
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized void enter(String problem, Map<String, String> settings) throws InterruptedException {
        while (users.getOrDefault(problem, 0) > 0 && !settings.isEmpty() && !settings.equals(current.get(problem))) {
            wait();
        }
        if (users.getOrDefault(problem, 0) == 0 && !settings.isEmpty() && !settings.equals(current.get(problem))) {
            configure.accept(problem, settings); // a bad value throws here, before anyone uses the problem
            current.put(problem, Map.copyOf(settings));
        }
        users.merge(problem, 1, Integer::sum);
    }

    /** @param problem the problem a run of which has ended */
    synchronized void leave(String problem) {
        users.merge(problem, -1, Integer::sum);
        notifyAll();
    }
}
