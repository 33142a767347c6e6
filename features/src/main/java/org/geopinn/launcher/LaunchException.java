package org.geopinn.launcher;

/**
 * A problem of the host set-up that the user can act on (a missing feature file, a bundle not found
 * in the repository, a framework that does not start). Its message is shown on one line.
 */
public class LaunchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what to do about it */
    public LaunchException(String message) {
        super(message);
    }

    /** @param message what went wrong @param cause the underlying failure */
    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
