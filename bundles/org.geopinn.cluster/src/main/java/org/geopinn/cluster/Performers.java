package org.geopinn.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geopinn.api.sweep.RunPerformer;

/**
 * Who performs the runs a member is given, by the member's Hazelcast instance name. A task arrives
 * as bytes and is rebuilt by Hazelcast, which hands it only its instance; this is how it finds the
 * host it runs in (several members can live in one JVM, each with its own host in tests).
 */
final class Performers {
    private static final Map<String, RunPerformer> BY_INSTANCE = new ConcurrentHashMap<>();

    private Performers() {
    }

    /** @param instance a member's instance name @param performer the performer of its host */
    static void register(String instance, RunPerformer performer) {
        BY_INSTANCE.put(instance, performer);
    }

    /** @param instance a member's instance name */
    static void unregister(String instance) {
        BY_INSTANCE.remove(instance);
    }

    /** @param instance a member's instance name @return its performer, or null when it has none (it is stopping) */
    static RunPerformer of(String instance) {
        return BY_INSTANCE.get(instance);
    }
}
