package org.geopinn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The member command refuses a share of the heap outside 0 … 1 in one line, before it configures anything. */
class MemberCommandTest {
    @Test
    void aCacheShareOutsideZeroToOneIsRefusedInOneLine() {
        for (String bad : List.of("1.5", "-0.1", "half", "NaN")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new MemberCommand().run(List.of("--cache", bad), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, code, bad);
            assertTrue(message.startsWith("geopinn member: --cache is '" + bad + "'; allowed: a number from 0 to 1"), message);
            assertEquals(1, message.lines().count(), message);
        }
    }
}
