package org.geopinn.shell;

import java.io.IOException;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Explains Gogo's {@code java.io.IOException: no matches found: adam(lr=1e-4)}. Gogo reads an
 * unquoted word with {@code ( | * ? [ <} as a file pattern before any command runs, so
 * {@code geopinn:swap s1 adam(lr=1e-4)} fails inside the shell and no Geopinn command can accept
 * it; this listener adds one line saying how to quote the chain. Active only where Gogo runs (it
 * waits for Gogo's {@link CommandProcessor}).
 */
@Component(service = CommandSessionListener.class)
public final class ParenthesesHint implements CommandSessionListener {
    @Reference
    private CommandProcessor processor; // only to wait for Gogo: without it this bundle's other commands still work

    @Override
    public void beforeExecute(CommandSession session, CharSequence commandline) {
        // nothing to do before
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence commandline, Exception exception) {
        String hint = hint(commandline, exception);
        if (hint != null && session.getConsole() != null) {
            session.getConsole().println(hint);
        }
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence commandline, Object result) {
        // a command that ran needs no hint
    }

    /**
     * @param commandline the line the user typed
     * @param e what it failed with
     * @return the quoting advice, or null when the failure is not a file pattern made of a chain
     */
    static String hint(CharSequence commandline, Throwable e) {
        String m = e == null ? null : e.getMessage();
        if (!(e instanceof IOException) || m == null || !m.startsWith("no matches found") || commandline == null
                || commandline.toString().indexOf('(') < 0) {
            return null;
        }
        String word = m.substring(m.indexOf(':') + 1).trim();
        return "geopinn: the shell read " + word + " as a file pattern because of its parentheses; put it in quotes, e.g. "
                + "geopinn:swap s1 '" + (word.isEmpty() ? "adam(lr=1e-4)" : word) + "' or --optimizer 'adam(lr=1e-3):500,lbfgs'";
    }
}
