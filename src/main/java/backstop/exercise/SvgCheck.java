package backstop.exercise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks that an illustration is an SVG the pages can inline safely: well-formed XML with an {@code <svg>} root, a
 * {@code <title>} for screen readers, no scripts and nothing fetched from elsewhere.
 */
final class SvgCheck {
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private final DocumentBuilder builder;

    /** A checker for one load of the catalogue: it reuses one parser, so it is not for several threads at once. */
    SvgCheck() {
        try {
            builder = parser().newDocumentBuilder();
        } catch (ParserConfigurationException impossible) {
            throw new IllegalStateException(impossible);
        }
        // The default handler prints to stderr; the message travels in the exception instead.
        builder.setErrorHandler(new DefaultHandler());
    }

    /** The problems found, empty when the SVG is fine. */
    List<String> problems(byte[] svg) {
        Document document;
        try {
            document = builder.parse(new ByteArrayInputStream(svg));
        } catch (SAXException | IOException malformed) {
            return List.of("is not well-formed XML: " + malformed.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            problems.add("root element must be <svg> in the SVG namespace");
        }
        if (title(document).isEmpty()) {
            problems.add("needs a non-empty <title> for screen readers");
        }
        if (document.getElementsByTagNameNS("*", "script").getLength() > 0) {
            problems.add("must not contain <script>");
        }
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String name = attributes.item(a).getLocalName();
                String value = attributes.item(a).getNodeValue().strip();
                if (name != null && name.equals("href") && !value.startsWith("#")) {
                    problems.add("must not refer to anything outside itself (href=\"" + value + "\")");
                }
                if (name != null && name.startsWith("on")) {
                    problems.add("must not carry event handlers (" + name + ")");
                }
            }
        }
        return problems;
    }

    static Optional<String> title(Document document) {
        NodeList titles = document.getElementsByTagNameNS(SVG_NAMESPACE, "title");
        if (titles.getLength() == 0 || titles.item(0).getTextContent().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(titles.item(0).getTextContent().strip());
    }

    // No DTDs and no external entities: an illustration must never make the parser fetch or expand anything.
    private static DocumentBuilderFactory parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        // Every node is visited anyway, so building them as they are read is cheaper than deferring it.
        factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
        return factory;
    }
}
