package org.geopinn.linalg.settings;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.geopinn.api.GeopinnException;

/**
 * The settings of one optimizer (or weighting policy) instance: the configured defaults (a
 * {@code @ObjectClassDefinition} Config annotation instance) overridden by per-instance values,
 * read by typed getters that check ranges and throw one-line {@link GeopinnException}s.
 *
 * <p>Convention for Config annotations: each attribute method's description is also declared
 * as a String constant named like the method in upper case, so that {@link #describe} can list
 * every setting with its description and default without duplicating them. Setting names use
 * underscores ({@code precondition_frequency}); the dotted form that Configuration Admin uses for
 * the same attribute ({@code precondition.frequency}) is accepted too.
 */
public final class Settings {
    private final String owner;
    private final Object configured;
    private final Class<?> configType;
    private final Map<String, Object> overrides = new HashMap<>();
    private final TreeSet<String> known = new TreeSet<>();

    private Settings(String owner, Class<?> configType, Object configured, Map<String, ?> overrides) {
        this.owner = owner;
        this.configType = configType;
        this.configured = configured;
        for (Method m : configType.getDeclaredMethods()) {
            known.add(m.getName());
        }
        if (overrides != null) {
            overrides.forEach((k, v) -> this.overrides.put(k.replace('.', '_'), v));
        }
        for (String name : this.overrides.keySet()) {
            if (!known.contains(name)) {
                throw new GeopinnException("unknown setting '" + name + "' for " + owner + "; known settings: " + String.join(", ", known));
            }
        }
    }

    /**
     * @param owner the optimizer or policy id, for messages
     * @param configType the Config annotation type
     * @param configured the configured values (an instance of configType), or null for its defaults
     * @param overrides per-instance values by setting name (text or numbers), may be null
     * @param <A> the Config type
     * @return the settings
     * @throws GeopinnException for an unknown name
     */
    public static <A> Settings of(String owner, Class<A> configType, A configured, Map<String, ?> overrides) {
        return new Settings(owner, configType, configured == null ? defaults(configType) : configured, overrides);
    }

    /**
     * @param configType a Config annotation type
     * @param <A> the type
     * @return an instance returning every attribute's declared default
     */
    public static <A> A defaults(Class<A> configType) {
        Object proxy = Proxy.newProxyInstance(configType.getClassLoader(), new Class<?>[] {configType}, (p, m, args) -> {
            if (m.getDefaultValue() != null) {
                return m.getDefaultValue();
            }
            return switch (m.getName()) {
                case "annotationType" -> configType;
                case "toString" -> configType.getSimpleName() + "(defaults)";
                case "hashCode" -> System.identityHashCode(p);
                case "equals" -> p == args[0];
                default -> throw new IllegalStateException("no default for " + m.getName());
            };
        });
        return configType.cast(proxy);
    }

    /**
     * Lists the settings of a Config annotation type.
     *
     * @param configType the Config type
     * @param configured current values, or null for the declared defaults
     * @return name → "description (default value)", in declaration order of names sorted alphabetically
     */
    public static Map<String, String> describe(Class<?> configType, Object configured) {
        Map<String, String> out = new LinkedHashMap<>();
        Method[] methods = configType.getDeclaredMethods();
        Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
        for (Method m : methods) {
            Object value = configured == null ? m.getDefaultValue() : invoke(m, configured);
            out.put(m.getName(), documentation(configType, m.getName()) + " (default " + format(value) + ")");
        }
        return out;
    }

    private static String documentation(Class<?> configType, String name) {
        try {
            Field f = configType.getField(name.toUpperCase(Locale.ROOT));
            f.setAccessible(true);
            return String.valueOf(f.get(null));
        } catch (ReflectiveOperationException e) {
            return name;
        }
    }

    private static String format(Object value) {
        if (value instanceof String[] a) {
            return String.join(",", a);
        }
        return String.valueOf(value);
    }

    private static Object invoke(Method m, Object target) {
        try {
            m.setAccessible(true);
            return m.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read setting " + m.getName(), e);
        }
    }

    private Object raw(String name) {
        if (!known.contains(name)) {
            throw new IllegalArgumentException(owner + " reads setting '" + name + "' that its Config does not declare");
        }
        Object v = overrides.get(name);
        if (v != null) {
            return v;
        }
        try {
            return invoke(configType.getDeclaredMethod(name), configured);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private GeopinnException bad(String name, Object value, String allowed) {
        return new GeopinnException("setting '" + name + "' of " + owner + " is " + value + "; allowed: " + allowed);
    }

    /**
     * @param name the setting
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value, a finite number in [min, max]
     */
    public double number(String name, double min, double max) {
        Object v = raw(name);
        double d;
        try {
            d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw bad(name, "'" + v + "'", "a number in [" + min + ", " + max + "]");
        }
        if (!(d >= min && d <= max)) {
            throw bad(name, v, "a number in [" + min + ", " + max + "]");
        }
        return d;
    }

    /** @param name the setting @return the value, a finite number &gt; 0 */
    public double positive(String name) {
        double d = number(name, 0, Double.MAX_VALUE);
        if (d == 0) {
            throw bad(name, 0, "a number > 0");
        }
        return d;
    }

    /**
     * @param name the setting
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value, an integer in [min, max]
     */
    public int integer(String name, int min, int max) {
        Object v = raw(name);
        double d;
        try {
            d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw bad(name, "'" + v + "'", "an integer in [" + min + ", " + max + "]");
        }
        if (d != Math.rint(d) || d < min || d > max) {
            throw bad(name, v, "an integer in [" + min + ", " + max + "]");
        }
        return (int) d;
    }

    /**
     * @param name the setting
     * @param allowed the allowed values (case-insensitive)
     * @return the value, lower case, one of allowed
     */
    public String choice(String name, String... allowed) {
        String v = String.valueOf(raw(name)).trim().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw bad(name, "'" + v + "'", "one of " + String.join(", ", allowed));
    }

    /** @param name the setting @return the value as text, trimmed */
    public String text(String name) {
        return String.valueOf(raw(name)).trim();
    }

    /** @param name the setting @return the value, "true" or "false" (case-insensitive) */
    public boolean flag(String name) {
        Object v = raw(name);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw bad(name, "'" + v + "'", "true or false");
    }
}
