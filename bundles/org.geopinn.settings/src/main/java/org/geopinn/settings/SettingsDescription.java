package org.geopinn.settings;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.geopinn.api.GeopinnException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The settings of one component: an {@code OCD} of the metatype description that bnd generates
 * from an {@code @ObjectClassDefinition} annotation (file {@code OSGI-INF/metatype/<config
 * class>.xml} of the component's bundle).
 *
 * @param id the OCD id (the config annotation's class name)
 * @param name the OCD name
 * @param description the OCD description
 * @param pids the configuration PIDs designated to this OCD
 * @param settings the settings, in declaration order
 */
public record SettingsDescription(String id, String name, String description, List<String> pids,
        List<SettingDefinition> settings) {
    /** The folder of metatype descriptions in a bundle. */
    public static final String FOLDER = "OSGI-INF/metatype";

    private static final ClassValue<SettingsDescription> BY_TYPE = new ClassValue<>() {
        @Override
        protected SettingsDescription computeValue(Class<?> type) {
            return load(type);
        }
    };

    /** Copies the lists. */
    public SettingsDescription {
        pids = List.copyOf(pids);
        settings = List.copyOf(settings);
    }

    /**
     * @param configType an {@code @ObjectClassDefinition} annotation type
     * @return its description, read once from the metatype file beside it; without that file (a
     *         bundle built without metatype processing), its methods with types and defaults only
     */
    public static SettingsDescription of(Class<?> configType) {
        return BY_TYPE.get(configType);
    }

    private static SettingsDescription load(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        URL url = loader == null ? null : loader.getResource(FOLDER + "/" + type.getName() + ".xml");
        if (url != null) {
            for (SettingsDescription d : read(url)) {
                if (d.id().equals(type.getName())) {
                    return d;
                }
            }
        }
        return fromMethods(type);
    }

    private static SettingsDescription fromMethods(Class<?> type) {
        List<SettingDefinition> settings = new ArrayList<>();
        Method[] methods = type.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            Object d = m.getDefaultValue();
            settings.add(new SettingDefinition(Settings.attributeId(m.getName()), typeOf(m.getReturnType()),
                    d == null ? null : String.valueOf(d), m.getName(), null, null, List.of()));
        }
        return new SettingsDescription(type.getName(), type.getSimpleName(), "", List.of(), settings);
    }

    private static String typeOf(Class<?> c) {
        if (c == double.class || c == Double.class) {
            return "Double";
        } else if (c == float.class || c == Float.class) {
            return "Float";
        } else if (c == int.class || c == Integer.class) {
            return "Integer";
        } else if (c == long.class || c == Long.class) {
            return "Long";
        } else if (c == boolean.class || c == Boolean.class) {
            return "Boolean";
        }
        return "String";
    }

    /**
     * @param files metatype description files (e.g. a bundle's {@code findEntries(FOLDER, "*.xml", false)})
     * @param pid a configuration PID
     * @return the description designated to that PID, if one of the files has it
     */
    public static Optional<SettingsDescription> forPid(Iterable<URL> files, String pid) {
        for (URL url : files) {
            for (SettingsDescription d : read(url)) {
                if (d.pids().contains(pid)) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param url a metatype description file
     * @return its OCDs with the PIDs designated to each
     * @throws GeopinnException if it cannot be read
     */
    public static List<SettingsDescription> read(URL url) {
        try (InputStream in = url.openStream()) {
            return read(in);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new GeopinnException("cannot read the metatype description " + url + ": " + e.getMessage());
        }
    }

    private static List<SettingsDescription> read(InputStream in) throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder builder = f.newDocumentBuilder();
        Document doc = builder.parse(in);
        Map<String, List<String>> pidsByOcd = new LinkedHashMap<>();
        NodeList designates = doc.getElementsByTagName("Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element d = (Element) designates.item(i);
            String pid = d.hasAttribute("pid") ? d.getAttribute("pid") : d.getAttribute("factoryPid");
            NodeList objects = d.getElementsByTagName("Object");
            for (int j = 0; j < objects.getLength(); j++) {
                pidsByOcd.computeIfAbsent(((Element) objects.item(j)).getAttribute("ocdref"), k -> new ArrayList<>()).add(pid);
            }
        }
        List<SettingsDescription> out = new ArrayList<>();
        NodeList ocds = doc.getElementsByTagName("OCD");
        for (int i = 0; i < ocds.getLength(); i++) {
            Element ocd = (Element) ocds.item(i);
            List<SettingDefinition> settings = new ArrayList<>();
            NodeList ads = ocd.getElementsByTagName("AD");
            for (int j = 0; j < ads.getLength(); j++) {
                Element ad = (Element) ads.item(j);
                List<String> options = new ArrayList<>();
                NodeList opts = ad.getElementsByTagName("Option");
                for (int k = 0; k < opts.getLength(); k++) {
                    options.add(((Element) opts.item(k)).getAttribute("value"));
                }
                settings.add(new SettingDefinition(ad.getAttribute("id"), ad.getAttribute("type"), attribute(ad, "default"),
                        attribute(ad, "description"), attribute(ad, "min"), attribute(ad, "max"), options));
            }
            String id = ocd.getAttribute("id");
            out.add(new SettingsDescription(id, ocd.getAttribute("name"), ocd.getAttribute("description"),
                    pidsByOcd.getOrDefault(id, List.of()), settings));
        }
        return out;
    }

    private static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /**
     * @param name a setting's name, with underscores ({@code adaptive_factor}) or as its attribute
     *        id ({@code adaptive.factor})
     * @return its definition, if it has one
     */
    public Optional<SettingDefinition> setting(String name) {
        for (SettingDefinition s : settings) {
            if (s.id().equals(name) || s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Converts and checks values given by name: every name must be a setting, every value of its
     * type and in its range.
     *
     * @param owner the component, for messages
     * @param values values by setting name (text, numbers or booleans)
     * @return the checked values by attribute id, in the order given
     * @throws GeopinnException one line for the first unknown name or bad value
     */
    public Map<String, Object> check(String owner, Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            SettingDefinition s = setting(name).orElseThrow(() -> new GeopinnException("unknown setting '" + name + "' for "
                    + owner + "; known settings: " + String.join(", ", names())));
            out.put(s.id(), s.check(value, owner));
        });
        return out;
    }

    /** @return the setting names users write, sorted */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        settings.forEach(s -> names.add(s.name()));
        return List.copyOf(names);
    }
}
