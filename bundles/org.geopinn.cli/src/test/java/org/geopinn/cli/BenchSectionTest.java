package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchSectionTest {
    private static final String NEW = "<!-- suite:pairs -->\n## Suite `pairs`: new\n\n| problem | x |\n|---|---|\n| a | 2 |\n<!-- /suite:pairs -->\n";

    private static String old(String prose) {
        return "# Benchmarks\n\nbefore\n\n<!-- suite:pairs -->\n## Suite `pairs`: old\n\nCommand: `./geopinn bench --suite pairs` — then.\n\n"
                + "| problem | x |\n|---|---|\n| a | 1 |\n\nStrong against weak coupling (median):\n\n| problem | ratio |\n|---|---|\n| a | 3× |\n"
                + prose + "\nPublished: best relative L2 errors reported with float64 …\n<!-- /suite:pairs -->\n\nafter\n";
    }

    @Test
    void textWrittenByHandInsideTheSectionIsKeptAfterTheNewOne() {
        String prose = "\nRun on 3 Dec by hand: the strong case at 900 s.\n\n| ζ | at 900 s |\n|---|---|\n| 2.5 | 4.1e-4 |\n\nThe ratio swings.\n";
        String text = BenchTables.replaceSection(old(prose), "pairs", NEW);
        assertTrue(text.startsWith("# Benchmarks\n\nbefore\n\n" + NEW), text);
        int kept = text.indexOf("Kept from this suite's section");
        assertTrue(kept > text.indexOf("<!-- /suite:pairs -->"), "outside the markers, so the next run leaves it alone: " + text);
        assertTrue(text.contains("Run on 3 Dec by hand: the strong case at 900 s.\n\n| ζ | at 900 s |\n|---|---|\n| 2.5 | 4.1e-4 |\n\nThe ratio swings.\n"), text);
        assertTrue(text.endsWith("The ratio swings.\n\nafter\n"), text);
        // the old generated lines are gone
        assertFalse(text.contains("| a | 1 |") || text.contains("| a | 3× |") || text.contains("Command:") || text.contains("Published:"), text);
        // run again: the kept text is outside the section and stays once
        String again = BenchTables.replaceSection(text, "pairs", NEW);
        assertEquals(text, again);
    }

    @Test
    void aSectionOfGeneratedLinesOnlyIsReplacedWholeAndAMissingOneAppended() {
        String text = BenchTables.replaceSection(old(""), "pairs", NEW);
        assertEquals("# Benchmarks\n\nbefore\n\n" + NEW + "\nafter\n", text);
        assertEquals("# Benchmarks\n\n" + NEW, BenchTables.replaceSection("# Benchmarks\n", "pairs", NEW));
    }
}
