package org.geopinn.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geopinn.api.session.SessionSpec;
import org.junit.jupiter.api.Test;

class ResamplingScheduleTest {

    @Test
    void noRenewalWhenTheStepsLeftAreFewerThanAPeriod() {
        SessionSpec spec = SessionSpec.builder("p").resampleEvery(50).maxSteps(1000).build();
        assertTrue(ResamplingSchedule.periodLeft(spec, 950, 0), "950 + 50 steps fit in 1000");
        assertFalse(ResamplingSchedule.periodLeft(spec, 1000 - 49, 0));
        SessionSpec resumed = SessionSpec.builder("p").resampleEvery(50).startStep(900).maxSteps(1000).build();
        assertTrue(ResamplingSchedule.periodLeft(resumed, 950, 0));
        assertFalse(ResamplingSchedule.periodLeft(resumed, 960, 0));
    }

    @Test
    void noRenewalWhenTheTimeLeftHoldsFewerThanAPeriodAtTheMeanStepTime() {
        // 100 steps in 10 s: 0.1 s a step, so a period of 50 steps needs 5 s of the budget of 120 s.
        SessionSpec spec = SessionSpec.builder("p").resampleEvery(50).maxSteps(10_000_000).timeBudgetSeconds(120).build();
        assertTrue(ResamplingSchedule.periodLeft(spec, 100, 10));
        assertTrue(ResamplingSchedule.periodLeft(spec, 1150, 115), "115 + 5 = 120");
        assertFalse(ResamplingSchedule.periodLeft(spec, 1160, 116), "116 + 5 > 120");
        assertTrue(ResamplingSchedule.periodLeft(spec, 0, 0), "no step taken yet: no estimate");
        SessionSpec unbudgeted = SessionSpec.builder("p").resampleEvery(50).maxSteps(10_000_000).build();
        assertTrue(ResamplingSchedule.periodLeft(unbudgeted, 1160, 1e6));
    }
}
