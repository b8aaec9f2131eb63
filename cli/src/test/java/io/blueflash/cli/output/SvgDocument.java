package io.blueflash.cli.output;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A flash map SVG parsed as XML (so a malformed document fails), with the questions tests ask of it. */
public final class SvgDocument {

    private final Document document;
    private final List<Element> cells;

    private SvgDocument(Document document) {
        this.document = document;
        this.cells = groups("page");
    }

    public static SvgDocument parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return new SvgDocument(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("not a well-formed SVG document: " + e.getMessage(), e);
        }
    }

    public Element root() {
        return document.getDocumentElement();
    }

    /** Every {@code <g>} whose class list holds {@code cssClass}. */
    public List<Element> groups(String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = document.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if (classes(g).contains(cssClass)) {
                found.add(g);
            }
        }
        return found;
    }

    /** The page cells, in document order. */
    public List<Element> cells() {
        return cells;
    }

    public static Set<String> classes(Element element) {
        return new TreeSet<>(Arrays.asList(element.getAttribute("class").trim().split("\\s+")));
    }

    /** The text of the first {@code <title>} child of {@code element}. */
    public static String title(Element element) {
        NodeList titles = element.getElementsByTagNameNS("*", "title");
        return titles.getLength() == 0 ? "" : titles.item(0).getTextContent();
    }

    /** The page cells whose class list holds {@code cssClass}. */
    public long cellsWith(String cssClass) {
        return cells.stream().filter(c -> classes(c).contains(cssClass)).count();
    }

    /** {@code data-count} of the legend entry for {@code cssClass}, or -1 when the legend has none. */
    public long legendCount(String cssClass) {
        return groups("legend-item").stream().filter(g -> g.getAttribute("data-class").equals(cssClass))
                .mapToLong(g -> Long.parseLong(g.getAttribute("data-count"))).findFirst().orElse(-1);
    }
}
