package io.reconcile.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.google.common.collect.ImmutableList;
import io.reconcile.report.JunitXml.TestCase;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The JUnit report against Surefire's schema, read back with a DOM parser as a CI server reads it. */
class JunitReportTest {
  private static final String SECRET = "s3cr3t<&>\"'";

  private static ResourceResult resource(String id, ResourceStatus status, String before, String after, String diff, String error) {
    return new ResourceResult(id, id.substring(0, id.indexOf(':')), "main", status, Optional.ofNullable(before),
        Optional.ofNullable(after), Optional.ofNullable(diff), Optional.ofNullable(error), ImmutableList.of());
  }

  private static RunReport report() {
    HostResult web1 = new HostResult("web1", HostStatus.DRIFTED, Optional.empty(), ImmutableList.of(
        ResourceResult.ok("package:nginx", "package", "main"),
        resource("file:/etc/app.conf", ResourceStatus.DRIFT, "sha256:1", "sha256:2",
            "--- a\n+++ b\n-TOKEN = 'old'\n+TOKEN = '" + SECRET + "'\n+bell \u0007 here", null)));
    HostResult db1 = new HostResult("db1", HostStatus.FAILED, Optional.empty(), ImmutableList.of(
        resource("service:postgresql", ResourceStatus.FAILED, "stopped", "running", null, "start failed: exit 1"),
        ResourceResult.skipped("line:/etc/x", "line", "main", "not run: phase 'main' did not converge")));
    HostResult web2 = new HostResult("web2", HostStatus.UNREACHABLE, Optional.of("connection refused"), ImmutableList.of());
    HostResult idle = new HostResult("idle1", HostStatus.OK, Optional.empty(), ImmutableList.of());
    RunReport report = new RunReport("20261125T130102Z-3fa9", Mode.CHECK, Instant.parse("2026-11-25T13:01:02Z"),
        Duration.ofMillis(1234567), ImmutableList.of(web1, db1, web2, idle), Optional.empty());
    return report.masked(SecretMasker.of(List.of(Map.of("app_token", SECRET)), Set.of()));
  }

  @Test
  void driftFailuresSkipsAndUnreachableHostsAreTestcasesOfTheirHost() throws Exception {
    String xml = new JunitReport().render(report());
    JunitXml junit = JunitXml.parse(xml);

    assertThat(junit.attribute("name")).isEqualTo("reconcile check");
    assertThat(junit.attribute("tests")).isEqualTo("7");
    assertThat(junit.attribute("failures")).isEqualTo("1");
    assertThat(junit.attribute("errors")).isEqualTo("2");
    assertThat(junit.attribute("skipped")).isEqualTo("1");
    assertThat(junit.attribute("time")).isEqualTo("1234.567");
    assertThat(junit.property("run_id")).contains("20261125T130102Z-3fa9");

    TestCase drift = junit.testcase("web1", "file:/etc/app.conf");
    assertThat(drift.outcome()).isEqualTo("failure");
    assertThat(drift.type()).contains("drift");
    assertThat(drift.message()).contains("drift: sha256:1 -> sha256:2");
    assertThat(drift.text()).contains("+TOKEN = '********'", "bell \uFFFD here");
    assertThat(junit.testcase("web1", "package:nginx").outcome()).isEqualTo("passed");
    assertThat(junit.testcase("web1", JunitReport.HOST_TESTCASE).outcome()).isEqualTo("passed");

    TestCase failed = junit.testcase("db1", "service:postgresql");
    assertThat(failed.outcome()).isEqualTo("error");
    assertThat(failed.message()).contains("start failed: exit 1");
    assertThat(junit.testcase("db1", "line:/etc/x").outcome()).isEqualTo("skipped");

    TestCase unreachable = junit.testcase("web2", JunitReport.HOST_TESTCASE);
    assertThat(unreachable.outcome()).isEqualTo("error");
    assertThat(unreachable.type()).contains("unreachable");
    assertThat(unreachable.message()).contains("connection refused");
    assertThat(junit.testcases()).filteredOn(t -> t.classname().equals("web2")).hasSize(1);
    assertThat(junit.testcases()).as("a host with nothing selected was not contacted").noneMatch(t -> t.classname().equals("idle1"));

    assertThat(xml).doesNotContain("s3cr3t");
  }

  /**
   * The report as rendered (every outcome, a control character, secrets) is valid; taking away once each
   * thing the renderer writes for a CI server (an outcome's type, a testcase's time, the suite's counters,
   * seconds without an exponent) makes it invalid: the schema check of the other tests is what would catch a
   * renderer that stopped writing them.
   */
  @Test
  void theSchemaRejectsWhatACiServerWouldNotRead() throws Exception {
    String xml = new JunitReport().render(report());
    JunitXml.parse(xml);

    Map<String, UnaryOperator<Document>> broken = new LinkedHashMap<>();
    broken.put("a drift without its type", doc -> without(doc, "failure", "type"));
    broken.put("a failed resource without its type", doc -> without(doc, "error", "type"));
    broken.put("a testcase without its time", doc -> without(doc, "testcase", "time"));
    broken.put("a suite without its test count", doc -> without(doc, "testsuite", "tests"));
    broken.put("a suite without its error count", doc -> without(doc, "testsuite", "errors"));
    broken.put("seconds with an exponent", doc -> with(doc, "testsuite", "time", "1.234567E3"));
    for (Map.Entry<String, UnaryOperator<Document>> change : broken.entrySet()) {
      String changed = serialize(change.getValue().apply(dom(xml)));
      assertThat(changed).as(change.getKey()).isNotEqualTo(serialize(dom(xml)));
      assertThatExceptionOfType(SAXException.class).as(change.getKey()).isThrownBy(() -> JunitXml.parse(changed));
    }
  }

  private static Document dom(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static Document without(Document doc, String element, String attribute) {
    Element first = (Element) doc.getElementsByTagName(element).item(0);
    assertThat(first.hasAttribute(attribute)).as("the renderer wrote %s's %s", element, attribute).isTrue();
    first.removeAttribute(attribute);
    return doc;
  }

  private static Document with(Document doc, String element, String attribute, String value) {
    ((Element) doc.getElementsByTagName(element).item(0)).setAttribute(attribute, value);
    return doc;
  }

  private static String serialize(Document doc) {
    try {
      StringWriter out = new StringWriter();
      TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }
}
