package io.reconcile.report;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The run as a JUnit XML test suite (the Surefire report schema, which Jenkins, GitLab and most CI
 * servers read), so drift shows up like failing tests: one testcase per host ("host": reached and
 * processed) and one per resource, classname = host. Drift is a {@code <failure>}, a failed resource or
 * a failed or unreachable host an {@code <error>}, a skipped resource {@code <skipped>}. Hosts a run had
 * nothing to do on (none of their declarations selected) were never contacted and get no testcase.
 */
public final class JunitReport {
  /** Name of the testcase that stands for the host itself. */
  public static final String HOST_TESTCASE = "host";

  public String render(RunReport report) {
    Document doc = newDocument();
    Element suite = doc.createElement("testsuite");
    doc.appendChild(suite);
    Element properties = child(suite, "properties");
    property(properties, "run_id", report.runId());
    property(properties, "mode", report.mode().label());
    property(properties, "started", report.started().toString());
    report.stoppedAt().ifPresent(p -> property(properties, "stopped_at_phase", p));
    Tally counts = new Tally();
    for (HostResult host : report.hosts()) {
      if (host.resources().isEmpty() && host.error().isEmpty()) {
        continue;
      }
      hostCase(suite, host, counts);
      host.resources().forEach(resource -> resourceCase(suite, host.name(), resource, counts));
    }
    suite.setAttribute("name", "reconcile " + report.mode().label());
    suite.setAttribute("time", seconds(report.elapsed()));
    suite.setAttribute("tests", Integer.toString(counts.tests));
    suite.setAttribute("failures", Integer.toString(counts.failures));
    suite.setAttribute("errors", Integer.toString(counts.errors));
    suite.setAttribute("skipped", Integer.toString(counts.skipped));
    return serialize(doc);
  }

  private static void hostCase(Element suite, HostResult host, Tally counts) {
    Element testcase = testcase(suite, host.name(), HOST_TESTCASE, counts);
    if (host.status() == HostStatus.UNREACHABLE || host.error().isPresent()) {
      String message = host.error().orElse(host.status().label());
      outcome(testcase, "error", host.status().label(), message, message);
      counts.errors++;
    }
  }

  private static void resourceCase(Element suite, String host, ResourceResult resource, Tally counts) {
    Element testcase = testcase(suite, host, resource.id(), counts);
    String change = resource.before().orElse("-") + " -> " + resource.after().orElse("-");
    String details = resource.diff().map(d -> change + "\n" + d).orElse(change);
    switch (resource.status()) {
      case DRIFT -> {
        outcome(testcase, "failure", "drift", "drift: " + change, details);
        counts.failures++;
      }
      case FAILED -> {
        outcome(testcase, "error", "failed", resource.error().orElse("failed"),
            resource.error().map(e -> e + "\n" + details).orElse(details));
        counts.errors++;
      }
      case SKIPPED -> {
        Element skipped = child(testcase, "skipped");
        skipped.setAttribute("message", clean(resource.error().orElse("skipped")));
        counts.skipped++;
      }
      case CHANGED -> child(testcase, "system-out").setTextContent(clean("changed: " + details
          + resource.backups().stream().map(b -> "\nbackup: " + b).reduce("", String::concat)));
      case OK -> { }
    }
  }

  private static Element testcase(Element suite, String host, String name, Tally counts) {
    Element testcase = child(suite, "testcase");
    testcase.setAttribute("name", clean(name));
    testcase.setAttribute("classname", clean(host));
    testcase.setAttribute("time", "0");
    counts.tests++;
    return testcase;
  }

  private static void outcome(Element testcase, String element, String type, String message, String body) {
    Element outcome = child(testcase, element);
    outcome.setAttribute("type", type);
    outcome.setAttribute("message", clean(message));
    outcome.setTextContent(clean(body));
  }

  /** The suite's counters, which the schema wants as attributes. */
  private static final class Tally {
    int tests;
    int failures;
    int errors;
    int skipped;
  }

  private static void property(Element properties, String name, String value) {
    Element property = child(properties, "property");
    property.setAttribute("name", name);
    property.setAttribute("value", clean(value));
  }

  private static Element child(Element parent, String name) {
    Element element = parent.getOwnerDocument().createElement(name);
    parent.appendChild(element);
    return element;
  }

  /** Seconds with millisecond precision, as the schema's time type wants them (no exponent, no grouping). */
  private static String seconds(Duration elapsed) {
    return BigDecimal.valueOf(elapsed.toMillis(), 3).toPlainString();
  }

  /** XML 1.0 cannot carry most control characters even escaped (a diff of a binary file may have them). */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(
        c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : 0xFFFD));
    return out.toString();
  }

  private static Document newDocument() {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serialize(Document doc) {
    try {
      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out + "\n";
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }
}
