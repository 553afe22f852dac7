package io.reconcile.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads a JUnit XML report as a CI server would: validated against Apache Maven Surefire's report schema
 * (src/test/resources/junit), then parsed with the JDK's DOM parser.
 */
public final class JunitXml {
  /** One testcase and its outcome: "passed", "failure", "error" or "skipped". */
  public record TestCase(String classname, String name, String outcome, Optional<String> type, Optional<String> message,
      String text) {}

  private final Element suite;

  private JunitXml(Element suite) {
    this.suite = suite;
  }

  /** @throws Exception (org.xml.sax.SAXException) when the document is not valid against the schema */
  public static JunitXml parse(String xml) throws Exception {
    SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var schema = schemas.newSchema(new StreamSource(JunitXml.class.getResource("/junit/surefire-test-report-3.0.xsd").toString()));
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    return new JunitXml(doc.getDocumentElement());
  }

  public String attribute(String name) {
    return suite.getAttribute(name);
  }

  public Optional<String> property(String name) {
    NodeList properties = suite.getElementsByTagName("property");
    for (int i = 0; i < properties.getLength(); i++) {
      Element property = (Element) properties.item(i);
      if (property.getAttribute("name").equals(name)) {
        return Optional.of(property.getAttribute("value"));
      }
    }
    return Optional.empty();
  }

  public List<TestCase> testcases() {
    List<TestCase> cases = new ArrayList<>();
    NodeList nodes = suite.getElementsByTagName("testcase");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element testcase = (Element) nodes.item(i);
      Optional<Element> outcome = firstChild(testcase, "failure", "error", "skipped");
      cases.add(new TestCase(testcase.getAttribute("classname"), testcase.getAttribute("name"),
          outcome.map(Element::getTagName).orElse("passed"),
          outcome.filter(e -> e.hasAttribute("type")).map(e -> e.getAttribute("type")),
          outcome.filter(e -> e.hasAttribute("message")).map(e -> e.getAttribute("message")),
          outcome.map(Element::getTextContent).orElse(firstChild(testcase, "system-out").map(Element::getTextContent).orElse(""))));
    }
    return cases;
  }

  public TestCase testcase(String classname, String name) {
    return testcases().stream().filter(t -> t.classname().equals(classname) && t.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no testcase " + classname + " / " + name + " in " + testcases()));
  }

  private static Optional<Element> firstChild(Element parent, String... names) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && List.of(names).contains(element.getTagName())) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }
}
