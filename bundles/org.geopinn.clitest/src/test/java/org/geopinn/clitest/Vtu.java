package org.geopinn.clitest;

import java.nio.file.Path;
import java.util.Arrays;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A VTK XML unstructured grid read back (ASCII data, as Geopinn writes it): its points and point arrays. */
record Vtu(double[] xyz, Document doc) {
    static Vtu read(Path file) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element points = (Element) ((Element) doc.getElementsByTagName("Points").item(0)).getElementsByTagName("DataArray").item(0);
        return new Vtu(numbers(points.getTextContent()), doc);
    }

    int points() {
        return xyz.length / 3;
    }

    /** @return the named array's value at the point (x, y), which must be one of the file's */
    double value(String array, double x, double y) {
        for (int i = 0; i < points(); i++) {
            if (Math.abs(xyz[3 * i] - x) < 1e-9 && Math.abs(xyz[3 * i + 1] - y) < 1e-9) {
                return array(array)[i];
            }
        }
        throw new AssertionError("no point (" + x + ", " + y + ") in the file");
    }

    double[] array(String name) {
        NodeList all = doc.getElementsByTagName("DataArray");
        for (int k = 0; k < all.getLength(); k++) {
            if (((Element) all.item(k)).getAttribute("Name").equals(name)) {
                return numbers(all.item(k).getTextContent());
            }
        }
        throw new AssertionError("no array " + name);
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
