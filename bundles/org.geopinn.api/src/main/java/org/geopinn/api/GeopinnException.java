package org.geopinn.api;

/**
 * An error that a user can act on: bad input, an unknown id, an inconsistent problem, a missing
 * service. Its message is meant to be shown as it is, on one line, without a stack trace.
 */
public class GeopinnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and, where possible, what to do about it */
    public GeopinnException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure, kept for logs
     */
    public GeopinnException(String message, Throwable cause) {
        super(message, cause);
    }
}
