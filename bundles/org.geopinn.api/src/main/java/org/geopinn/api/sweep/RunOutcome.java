package org.geopinn.api.sweep;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What performing a {@link RunRequest} gave: the results folder's files (as the results writer
 * wrote them, manifest included) and the figures a sweep table shows.
 *
 * @param key the request's key
 * @param member where it ran (a host or cluster member name)
 * @param files the results files by name; empty when the run could not start
 * @param state the session's final state in lower case ({@code completed}, {@code failed} …), or
 *        {@code refused} when the request was not valid
 * @param steps steps taken
 * @param seconds training seconds
 * @param loss the last loss (NaN if none)
 * @param relativeL2 the last relative L2 error (NaN if none was measured)
 * @param message the session's last message, or why the request was refused (one line)
 */
public record RunOutcome(String key, String member, Map<String, byte[]> files, String state, long steps, double seconds, double loss,
        double relativeL2, String message) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the files into a sorted map. */
    public RunOutcome {
        files = new TreeMap<>(files == null ? Map.of() : files);
        message = message == null ? "" : message;
    }

    /** @return whether the request was refused before any training (no results files) */
    public boolean refused() {
        return files.isEmpty();
    }
}
