package org.geopinn.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.junit.jupiter.api.Test;

class SettingsTest {
    /** Its metatype description is src/test/resources/OSGI-INF/metatype/org.geopinn.settings.SettingsTest$Config.xml, as bnd writes it. */
    @interface Config {
        double lr() default 1e-3;

        int warmup_steps() default 0;

        String schedule() default "constant";

        boolean nesterov() default false;
    }

    /** No metatype file: types and defaults come from the methods. */
    @interface Bare {
        double tolerance() default 0.5;
    }

    @Test
    void overridesBecomeTheTypedConfig() {
        Config c = Settings.configure("adam", Config.class, null, Map.of("lr", "0.5", "warmup.steps", 10, "schedule", "COSINE"));
        assertEquals(0.5, c.lr());
        assertEquals(10, c.warmup_steps());
        assertEquals("cosine", c.schedule());
        assertEquals(false, c.nesterov());
        Config d = Settings.defaults(Config.class);
        assertEquals(1e-3, d.lr());
        assertEquals("constant", d.schedule());
        Config over = Settings.configure("adam", Config.class, d, Map.of("nesterov", "true"));
        assertTrue(over.nesterov());
    }

    @Test
    void everyBadValueIsOneLineWithItsRange() {
        GeopinnException unknown = assertThrows(GeopinnException.class, () -> Settings.configure("adam", Config.class, null, Map.of("lr2", 1)));
        assertEquals("unknown setting 'lr2' for adam; known settings: lr, nesterov, schedule, warmup_steps", unknown.getMessage());
        assertEquals("setting 'lr' of adam is -1; allowed: a number > 0 and ≤ 10",
                assertThrows(GeopinnException.class, () -> Settings.configure("adam", Config.class, null, Map.of("lr", "-1"))).getMessage());
        assertEquals("setting 'warmup_steps' of adam is 1.5; allowed: an integer ≥ 0",
                assertThrows(GeopinnException.class, () -> Settings.configure("adam", Config.class, null, Map.of("warmup_steps", "1.5"))).getMessage());
        assertEquals("setting 'schedule' of adam is 'step'; allowed: one of constant, cosine",
                assertThrows(GeopinnException.class, () -> Settings.configure("adam", Config.class, null, Map.of("schedule", "step"))).getMessage());
        assertEquals("setting 'nesterov' of adam is 'yes'; allowed: true or false",
                assertThrows(GeopinnException.class, () -> Settings.configure("adam", Config.class, null, Map.of("nesterov", "yes"))).getMessage());
        assertEquals("setting 'lr' of adam is 'fast'; allowed: a number > 0 and ≤ 10",
                assertThrows(GeopinnException.class, () -> Settings.configure("adam", Config.class, null, Map.of("lr", "fast"))).getMessage());
    }

    @Test
    void describesFromTheMetatype() {
        Map<String, String> d = Settings.describe(Config.class, null);
        assertEquals(List.of("lr", "warmup_steps", "schedule", "nesterov"), List.copyOf(d.keySet()));
        assertEquals("step size (default 0.001; allowed: a number > 0 and ≤ 10)", d.get("lr"));
        SettingDefinition s = SettingsDescription.of(Config.class).setting("warmup_steps").orElseThrow();
        assertEquals("warmup_steps (integer, default 0, an integer ≥ 0): linear warm-up length", s.line());
        assertEquals(List.of("org.geopinn.test.adam"), SettingsDescription.of(Config.class).pids());
    }

    @Test
    void withoutMetatypeTheMethodsDescribeTheSettings() {
        assertEquals(0.25, Settings.configure("x", Bare.class, null, Map.of("tolerance", 0.25)).tolerance());
        assertEquals("setting 'tolerance' of x is 'a'; allowed: a finite number",
                assertThrows(GeopinnException.class, () -> Settings.configure("x", Bare.class, null, Map.of("tolerance", "a"))).getMessage());
    }

    @Test
    void attributeIdsFollowTheDeclarativeServicesRule() {
        assertEquals("max.weight", Settings.attributeId("max_weight"));
        assertEquals("a_b", Settings.attributeId("a__b"));
        assertEquals("ab$", Settings.attributeId("a$b$$"));
    }

    @Test
    void parsesIdWithSettings() {
        SettingsText t = SettingsText.parse(" gradnorm(max_weight=100; interval = 50) ", "--weighting");
        assertEquals("gradnorm", t.id());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("max_weight", "100");
        expected.put("interval", "50");
        assertEquals(expected, t.settings());
        assertEquals("gradnorm(max_weight=100;interval=50)", t.text());
        assertEquals("fixed", SettingsText.parse("fixed", "--weighting").text());
        assertTrue(assertThrows(GeopinnException.class, () -> SettingsText.parse("gradnorm(max_weight)", "--weighting"))
                .getMessage().startsWith("--weighting: 'max_weight' is not key=value"));
        assertTrue(assertThrows(GeopinnException.class, () -> SettingsText.parse("gradnorm(a=1", "--weighting"))
                .getMessage().startsWith("--weighting: 'gradnorm(a=1' must end with its only ')'"));
        assertTrue(assertThrows(GeopinnException.class, () -> SettingsText.parse("Grad", "--weighting"))
                .getMessage().startsWith("--weighting: 'Grad' does not start with an id"));
    }
}
