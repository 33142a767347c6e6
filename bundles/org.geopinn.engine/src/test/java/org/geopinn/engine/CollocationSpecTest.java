package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geopinn.api.GeopinnException;
import org.geopinn.api.session.Collocation;
import org.junit.jupiter.api.Test;

/** The text form of learned collocation settings, as the command line and the benchmark suites give it. */
class CollocationSpecTest {
    @Test
    void parsesTheFormAndPrintsItBack() {
        Collocation c = Collocation.parse("learned(every=10;steps=3)");
        assertEquals(10, c.every());
        assertEquals(3, c.steps());
        assertTrue(c.adaptiveCutoff());
        assertEquals(4, c.reference());
        Collocation d = Collocation.parse("learned(every=5; steps=2; cutoff=1e-6; reference=8; objective=projection)");
        assertEquals(1e-6, d.cutoff());
        assertEquals(8, d.reference());
        assertEquals(d.toString(), Collocation.parse(d.toString()).toString());
        assertEquals(c.toString(), Collocation.parse(c.toString()).toString());
        assertNull(Collocation.parse("fixed"));
        assertTrue(!c.natural(), "the tangent kernel by default");
        assertTrue(Collocation.parse("learned(every=1;steps=1;kernel=natural;objective=projection)").natural());
        assertTrue(!c.chosen());
        Collocation e = Collocation.parse("chosen(every=20)");
        assertTrue(e.chosen());
        assertEquals(20, e.every());
        assertEquals(Collocation.DEFAULT_CANDIDATES, e.reference());
        assertEquals(Collocation.DEFAULT_CHOSEN_CUTOFF, e.cutoff());
        Collocation f = Collocation.parse("chosen(every=7;candidates=9;cutoff=1e-8)");
        assertEquals(9, f.reference());
        assertEquals(1e-8, f.cutoff());
        assertEquals(f, Collocation.parse(f.toString()), "the text form reads back");
        assertEquals(1, c.rounds(), "learned points are learned once and kept by default");
        assertEquals(0, e.rounds(), "chosen points are renewed at every round by default");
        assertTrue(e.renewsAt(1) && e.renewsAt(1000));
        Collocation everyRound = Collocation.parse("learned(every=25;steps=10;rounds=0)");
        assertTrue(everyRound.renewsAt(1) && everyRound.renewsAt(1000));
        assertEquals(everyRound, Collocation.parse(everyRound.toString()), "rounds=0 reads back, though it is not the default");
        Collocation once = Collocation.parse("learned(every=25;steps=10;rounds=1)");
        assertEquals(1, once.rounds());
        assertTrue(once.renewsAt(1) && !once.renewsAt(2), "renewed at the first round only");
        assertEquals(once, Collocation.parse(once.toString()), "rounds reads back");
        Collocation chosenTwice = Collocation.parse("chosen(every=10;rounds=2)");
        assertTrue(chosenTwice.renewsAt(2) && !chosenTwice.renewsAt(3));
        assertEquals(chosenTwice, Collocation.parse(chosenTwice.toString()));
        assertEquals(Collocation.Objective.GRADIENT, c.objective(), "the optimizer's own error by default");
        assertEquals(Collocation.Objective.PROJECTION, d.objective());
        assertEquals(Collocation.Start.CHOSEN, c.start(), "learning starts from chosen points by default");
        Collocation gradient = Collocation.parse("learned(every=25;steps=10;rounds=1;objective=gradient)");
        assertEquals(Collocation.Objective.GRADIENT, gradient.objective());
        assertTrue(gradient.adaptiveCutoff(), "the gradient objective adapts its cut-off");
        assertEquals(gradient, Collocation.parse(gradient.toString()), "objective reads back");
        assertEquals(gradient, Collocation.parse("learned(every=25;steps=10;rounds=1;objective=gradient;cutoff=adaptive)"));
        Collocation fromChosen = Collocation.parse("learned(every=25;steps=10;start=chosen)");
        assertEquals(Collocation.Start.CHOSEN, fromChosen.start());
        assertEquals(fromChosen, Collocation.parse(fromChosen.toString()), "start reads back");
        assertEquals(Collocation.Start.CURRENT, Collocation.parse("learned(every=25;steps=10;start=current)").start());
    }

    @Test
    void badFormsAreOneLineErrors() {
        for (String bad : new String[] {"learned", "learned(steps=3)", "learned(every=0;steps=3)", "learned(every=2;steps=x)",
                "learned(every=2;steps=3;cutoff=2)", "learned(every=2;steps=3;speed=1)", "learned(every=2;every=3;steps=1)", "learned(every=2;steps=1;kernel=ntk)", "grid",
                "chosen()", "chosen(every=0)", "chosen(every=2;candidates=1)", "chosen(every=2;cutoff=0)", "chosen(every=2;cutoff=adaptive)",
                "chosen(every=2;steps=3)", "chosen(every=2;every=3)",
                "learned(every=2;steps=1;rounds=-1)", "learned(every=2;steps=1;objective=loss)", "learned(every=2;steps=1;start=random)",
                "learned(every=2;steps=1;objective=gradient;cutoff=1e-6)", "learned(every=2;steps=1;objective=gradient;kernel=tangent)", "learned(every=2;steps=1;rounds=x)", "chosen(every=2;rounds=1.5)"}) {
            GeopinnException e = assertThrows(GeopinnException.class, () -> Collocation.parse(bad), bad);
            assertTrue(!e.getMessage().contains("\n") && e.getMessage().startsWith("collocation"), e.getMessage());
        }
    }
}
