package org.geopinn.linalg.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @interface Config {
        String LR = "step size";
        String SCHEDULE = "learning-rate schedule";
        String WARMUP_STEPS = "steps of linear warm-up";

        double lr() default 1e-3;

        String schedule() default "constant";

        int warmup_steps() default 0;
    }

    @Test
    void readsDefaultsOverridesAndDottedNames() {
        Settings s = Settings.of("adam", Config.class, null, Map.of("lr", "0.5", "warmup.steps", 10));
        assertEquals(0.5, s.positive("lr"));
        assertEquals(10, s.integer("warmup_steps", 0, 100));
        assertEquals("constant", s.choice("schedule", "constant", "exponential"));
        Map<String, String> d = Settings.describe(Config.class, null);
        assertEquals("step size (default 0.001)", d.get("lr"));
        assertEquals("steps of linear warm-up (default 0)", d.get("warmup_steps"));
    }

    @Test
    void oneLineErrorsNameTheSetting() {
        GeopinnException unknown = assertThrows(GeopinnException.class, () -> Settings.of("adam", Config.class, null, Map.of("lr2", 1)));
        assertTrue(unknown.getMessage().contains("'lr2'") && unknown.getMessage().contains("lr, schedule, warmup_steps"), unknown.getMessage());
        Settings s = Settings.of("adam", Config.class, null, Map.of("lr", "-1", "schedule", "cosine", "warmup_steps", "1.5"));
        assertThrows(GeopinnException.class, () -> s.positive("lr"));
        GeopinnException choice = assertThrows(GeopinnException.class, () -> s.choice("schedule", "constant", "exponential"));
        assertTrue(choice.getMessage().contains("one of constant, exponential"));
        assertThrows(GeopinnException.class, () -> s.integer("warmup_steps", 0, 10));
        assertTrue(!choice.getMessage().contains("\n"));
    }
}
