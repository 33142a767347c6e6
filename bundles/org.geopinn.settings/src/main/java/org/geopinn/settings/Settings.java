package org.geopinn.settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.geopinn.api.GeopinnException;

/**
 * Builds a component's typed config for one instance: the configured values (the config
 * Declarative Services passed to the component, from Configuration Admin or the defaults)
 * overridden by per-instance values, every value checked against the component's metatype
 * description ({@link SettingsDescription}) in one pass. Factories then read plain typed methods:
 *
 * <pre>{@code
 * AnagramConfig c = Settings.configure("anagram", AnagramConfig.class, config, overrides);
 * new Anagram(c.tolerance(), c.max_exponent(), ...);
 * }</pre>
 *
 * <p>Ranges, choices, defaults and descriptions are written once, in the config annotation:
 * {@code @AttributeDefinition(description = "...", min = "0", max = "1")}, or
 * {@code options = {@Option(label = "...", value = "...")}} for a choice. A number that must be
 * strictly positive uses {@code min = "4.9E-324"} (the smallest double), shown as "&gt; 0".
 */
public final class Settings {
    private Settings() {
    }

    /**
     * @param owner the component id, for messages ({@code anagram})
     * @param configType the config annotation type
     * @param configured the configured values, or null for the declared defaults
     * @param overrides per-instance values by setting name (underscore or dotted form; text,
     *        numbers or booleans), may be null
     * @param <A> the config type
     * @return a config instance whose methods return the checked values
     * @throws GeopinnException one line for an unknown setting or a value of the wrong type or out
     *         of range, naming the setting and what is allowed
     */
    public static <A> A configure(String owner, Class<A> configType, A configured, Map<String, ?> overrides) {
        SettingsDescription d = SettingsDescription.of(configType);
        Map<String, Object> values = d.check(owner, overrides == null ? Map.of() : overrides);
        Map<String, Object> byMethod = new HashMap<>();
        for (Method m : configType.getDeclaredMethods()) {
            String id = attributeId(m.getName());
            Object v = values.get(id);
            if (!values.containsKey(id)) {
                Object current = configured != null ? invoke(m, configured) : m.getDefaultValue();
                // a configured value (a .cfg file) is checked by the same rule as an override
                v = current == null ? null : d.setting(id).map(s -> s.check(current, owner + " (configured)")).orElse(current);
            }
            byMethod.put(m.getName(), convert(v, m.getReturnType(), owner, m.getName()));
        }
        Object proxy = Proxy.newProxyInstance(configType.getClassLoader(), new Class<?>[] {configType}, (p, m, args) -> {
            if (byMethod.containsKey(m.getName()) && m.getParameterCount() == 0) {
                return byMethod.get(m.getName());
            }
            return switch (m.getName()) {
                case "annotationType" -> configType;
                case "toString" -> configType.getSimpleName() + byMethod;
                case "hashCode" -> byMethod.hashCode();
                case "equals" -> p == args[0];
                default -> throw new UnsupportedOperationException(m.getName());
            };
        });
        return configType.cast(proxy);
    }

    /**
     * @param configType a config annotation type
     * @param <A> the type
     * @return an instance returning every attribute's declared default
     */
    public static <A> A defaults(Class<A> configType) {
        return configure(configType.getSimpleName(), configType, null, Map.of());
    }

    /**
     * Lists the settings of a config type for help texts.
     *
     * @param configType the config type
     * @param configured current values, or null for the declared defaults
     * @return name → "description (default value; allowed: …)", in declaration order
     */
    public static Map<String, String> describe(Class<?> configType, Object configured) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SettingDefinition s : SettingsDescription.of(configType).settings()) {
            String value = s.defaultValue();
            if (configured != null) {
                try {
                    value = String.valueOf(invoke(configType.getMethod(methodName(s.id(), configType)), configured));
                } catch (NoSuchMethodException e) {
                    // keep the declared default
                }
            }
            out.put(s.name(), s.description() + " (default " + value + "; allowed: " + s.allowed() + ")");
        }
        return out;
    }

    private static String methodName(String id, Class<?> configType) {
        for (Method m : configType.getDeclaredMethods()) {
            if (attributeId(m.getName()).equals(id)) {
                return m.getName();
            }
        }
        return id;
    }

    /**
     * The attribute id of a config method, by the rule of Declarative Services and bnd:
     * {@code _} becomes {@code .}, {@code __} becomes {@code _}, {@code $} is dropped and
     * {@code $$} becomes {@code $}.
     *
     * @param method a config method's name
     * @return its attribute id
     */
    public static String attributeId(String method) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            boolean doubled = i + 1 < method.length() && method.charAt(i + 1) == c;
            if (c == '_') {
                b.append(doubled ? '_' : '.');
                i += doubled ? 1 : 0;
            } else if (c == '$') {
                if (doubled) {
                    b.append('$');
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Object invoke(Method m, Object target) {
        try {
            m.setAccessible(true);
            return m.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read setting " + m.getName(), e);
        }
    }

    private static Object convert(Object v, Class<?> type, String owner, String name) {
        if (v == null) {
            return null;
        }
        if (type == double.class || type == Double.class) {
            return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        } else if (type == float.class || type == Float.class) {
            return v instanceof Number n ? n.floatValue() : Float.parseFloat(v.toString().trim());
        } else if (type == int.class || type == Integer.class) {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().trim());
        } else if (type == long.class || type == Long.class) {
            return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
        } else if (type == boolean.class || type == Boolean.class) {
            return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString().trim());
        } else if (type == String.class) {
            return v.toString();
        }
        throw new GeopinnException("setting '" + name + "' of " + owner + " has type " + type.getSimpleName()
                + ", which per-run settings do not support");
    }
}
