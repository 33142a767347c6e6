package org.geopinn.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.SessionSpec;
import org.junit.jupiter.api.Test;

class SolveArgumentsTest {
    @Test
    void readsEveryOption() {
        SessionSpec s = SolveArguments.parse(List.of("laplace2d", "--optimizer", "adam:100,lbfgs", "--steps", "300",
                "--seed", "7", "--hidden", "16,16", "--points", "pde=100,boundary=40", "--time-budget", "2.5"));
        assertEquals("laplace2d", s.problemId());
        assertEquals(2, s.optimizers().size());
        assertEquals("lbfgs", s.optimizers().get(1).optimizerId());
        assertEquals(300, s.maxSteps());
        assertEquals(7, s.seed());
        assertArrayEquals(new int[] {16, 16}, s.hidden());
        assertEquals(Map.of("pde", 100, "boundary", 40), s.points());
        assertEquals(2.5, s.timeBudgetSeconds());
    }

    @Test
    void badInputGivesOneLineNamingTheWord() {
        GeopinnException e = assertThrows(GeopinnException.class,
                () -> SolveArguments.parse(List.of("laplace2d", "--steps", "ten")));
        assertTrue(e.getMessage().contains("'ten'"), e.getMessage());
        assertTrue(assertThrows(GeopinnException.class, () -> SolveArguments.parse(List.of("p", "--colour", "red")))
                .getMessage().startsWith("unknown option '--colour'"));
        assertTrue(assertThrows(GeopinnException.class, () -> SolveArguments.parse(List.of())).getMessage()
                .startsWith("no problem given"));
        assertTrue(assertThrows(GeopinnException.class, () -> SolveArguments.parse(List.of("p", "--hidden", "0")))
                .getMessage().contains("positive layer widths"));
        assertThrows(GeopinnException.class, () -> SolveArguments.parse(List.of("p", "--steps")));
        assertThrows(GeopinnException.class, () -> SolveArguments.parse(List.of("p", "--points", "pde")));
    }
}
