package org.geopinn.api.session;

import java.util.List;
import java.util.Map;

/**
 * What the running framework offers, read from the registered services (never a fixed list):
 * problems, models, operator engines, samplers, optimizers, loss weightings, diagnostics, commands.
 * Provided by the engine bundle; the CLI's {@code list} and the shell's {@code geopinn:list} print it.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Catalog {
    /**
     * An available service.
     *
     * @param id its {@code geopinn.id}
     * @param description its one-line description
     * @param bundle the symbolic name of the bundle providing it
     */
    record Entry(String id, String description, String bundle) {
    }

    /** @return kind ("problems", "models", "engines", "samplers", "optimizers", "weightings", "diagnostics", "commands") to entries sorted by id */
    Map<String, List<Entry>> entries();
}
