package io.reconcile.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.reconcile.report.JunitXml.TestCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

  @Test
  void theSchemaRejectsWhatACiServerWouldNotRead() {
    assertThatThrownBy(() -> JunitXml.parse("<testsuite name=\"x\" tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"0\">"
        + "<testcase name=\"t\" time=\"0\"><failure message=\"m\">no type</failure></testcase></testsuite>"))
        .isInstanceOf(SAXException.class);
  }
}
