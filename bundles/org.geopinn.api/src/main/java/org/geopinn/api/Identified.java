package org.geopinn.api;

/**
 * What every pluggable service says of itself: the id users type (in a chain, on the command
 * line, in a {@code .cfg}) and a one-line description for {@code ./geopinn list}. Problems,
 * models, operator engines, samplers, optimizers, loss weightings, diagnostics and commands are
 * all identified this way, so a host can name any of them without knowing its kind.
 */
public interface Identified {
    /** @return the id users type, unique among the services of one kind */
    String id();

    /** @return one line saying what the service is, for listings */
    String description();
}
