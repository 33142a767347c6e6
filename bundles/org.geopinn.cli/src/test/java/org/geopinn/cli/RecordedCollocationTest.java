package org.geopinn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.geopinn.api.session.Collocation;
import org.junit.jupiter.api.Test;

/** A run recorded before learned points had an objective and a start resumes with the settings it ran with. */
class RecordedCollocationTest {
    @Test
    void formsRecordedBeforeTheObjectiveKeepTheirMeaning() {
        Collocation old = RunRecord.recordedCollocation("learned(every=25;steps=10;cutoff=adaptive;reference=4;kernel=tangent)");
        assertEquals(new Collocation(25, 10, Double.NaN, 4, false, false, 0, Collocation.Objective.PROJECTION, Collocation.Start.CURRENT), old,
                "the projection objective from the current points, at every round");
        Collocation once = RunRecord.recordedCollocation("learned(every=25;steps=10;cutoff=1.0E-6;reference=4;kernel=natural;rounds=1)");
        assertEquals(1, once.rounds());
        assertEquals(Collocation.Objective.PROJECTION, once.objective());
        Collocation today = Collocation.parse("learned(every=25;steps=10)");
        assertEquals(today, RunRecord.recordedCollocation(today.toString()), "a form recorded today reads as it was written");
        Collocation chosen = Collocation.parse("chosen(every=20)");
        assertEquals(chosen, RunRecord.recordedCollocation(chosen.toString()));
    }
}
