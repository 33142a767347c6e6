package org.geopinn.shell;

/**
 * A user error in a shell command. The Gogo shell prints a failed command's exception with
 * {@code toString()}: this one reads {@code geopinn: message}, without a class name or stack trace.
 */
public final class CommandError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String toString() {
        return "geopinn: " + getMessage();
    }
}
