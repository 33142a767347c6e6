package org.geopinn.settings;

import java.util.List;
import java.util.Locale;
import org.geopinn.api.GeopinnException;

/**
 * One setting of a component, as its metatype description declares it (an {@code AD} element
 * generated from an {@code @AttributeDefinition}).
 *
 * @param id the metatype attribute id ({@code adaptive.factor})
 * @param type the metatype type: {@code Double}, {@code Float}, {@code Integer}, {@code Long},
 *        {@code Short}, {@code Byte}, {@code Boolean}, {@code Character} or {@code String}
 * @param defaultValue the default as text, null when none
 * @param description what it does
 * @param min the smallest allowed value as text, null when unbounded
 * @param max the largest allowed value as text, null when unbounded
 * @param options the allowed values, empty when any value of the type is allowed
 */
public record SettingDefinition(String id, String type, String defaultValue, String description, String min, String max,
        List<String> options) {
    /** Copies the options. */
    public SettingDefinition {
        options = List.copyOf(options == null ? List.of() : options);
    }

    /** @return the name users write: the attribute method's name ({@code adaptive_factor}) */
    public String name() {
        return id.replace('.', '_');
    }

    /** @return whether the value is a number */
    public boolean numeric() {
        return switch (type) {
            case "Double", "Float", "Integer", "Long", "Short", "Byte" -> true;
            default -> false;
        };
    }

    private boolean whole() {
        return switch (type) {
            case "Integer", "Long", "Short", "Byte" -> true;
            default -> false;
        };
    }

    /** @return what may be given, e.g. "a number in [0, 1]", "one of truncate, damped", "an integer ≥ 1" */
    public String allowed() {
        if (!options.isEmpty()) {
            return "one of " + String.join(", ", options);
        }
        if (type.equals("Boolean")) {
            return "true or false";
        }
        if (!numeric()) {
            return "text";
        }
        String kind = whole() ? "an integer" : "a number";
        boolean strictlyPositive = min != null && !whole() && parse(min) == Double.MIN_VALUE;
        if (strictlyPositive) {
            return kind + " > 0" + (max == null ? "" : " and ≤ " + max);
        }
        if (min != null && max != null) {
            return kind + " in [" + min + ", " + max + "]";
        }
        if (min != null) {
            return kind + " ≥ " + min;
        }
        if (max != null) {
            return kind + " ≤ " + max;
        }
        return whole() ? "an integer" : "a finite number";
    }

    private static double parse(String text) {
        return Double.parseDouble(text.trim());
    }

    /**
     * Converts and checks a value: the one place where a setting's type and range are enforced.
     *
     * @param value text, a number or a boolean
     * @param owner the component it belongs to, for the message (e.g. {@code anagram})
     * @return the value as Double, Long, Boolean or String (options in lower case)
     * @throws GeopinnException one line naming the setting, the value and what is allowed
     */
    public Object check(Object value, String owner) {
        if (value == null) {
            throw bad(owner, "missing");
        }
        String text = String.valueOf(value).trim();
        if (!options.isEmpty()) {
            for (String o : options) {
                if (o.equalsIgnoreCase(text)) {
                    return o;
                }
            }
            throw bad(owner, "'" + text + "'");
        }
        switch (type) {
            case "Boolean":
                if (value instanceof Boolean b) {
                    return b;
                }
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
                }
                throw bad(owner, "'" + text + "'");
            case "String":
            case "Character":
            case "Password":
                return text;
            default:
                break;
        }
        double d;
        try {
            d = value instanceof Number n ? n.doubleValue() : parse(text);
        } catch (NumberFormatException e) {
            throw bad(owner, "'" + text + "'");
        }
        boolean inRange = Double.isFinite(d) && (min == null || d >= parse(min)) && (max == null || d <= parse(max));
        if (!inRange || whole() && d != Math.rint(d)) {
            throw bad(owner, text);
        }
        return whole() ? (Object) (long) d : (Object) d;
    }

    private GeopinnException bad(String owner, String shown) {
        return new GeopinnException("setting '" + name() + "' of " + owner + " is " + shown + "; allowed: " + allowed());
    }

    /** @return one line for help texts: name, type, default, range and description */
    public String line() {
        return name() + " (" + type.toLowerCase(Locale.ROOT) + ", default " + (defaultValue == null ? "none" : defaultValue)
                + ", " + allowed() + "): " + description;
    }
}
