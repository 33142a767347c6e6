package org.geopinn.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;

class CommandErrorTest {
    @Test
    void printsAsOneLineWithoutTheClassName() {
        CommandError e = new CommandError("no session 's9'; sessions are [s1]", new GeopinnException("x"));
        assertEquals("geopinn: no session 's9'; sessions are [s1]", e.toString());
    }
}
