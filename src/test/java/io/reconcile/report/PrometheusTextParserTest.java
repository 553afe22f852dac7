package io.reconcile.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.report.PrometheusTextParser.Family;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The test parser against the examples and rules of the format's specification. */
class PrometheusTextParserTest {

  /** The example of the specification (text format details), verbatim. */
  private static final String SPEC_EXAMPLE = """
      # HELP http_requests_total The total number of HTTP requests.
      # TYPE http_requests_total counter
      http_requests_total{method="post",code="200"} 1027 1395066363000
      http_requests_total{method="post",code="400"}    3 1395066363000

      # Escaping in label values:
      msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

      # Minimalistic line:
      metric_without_timestamp_and_labels 12.47

      # A weird metric from before the epoch:
      something_weird{problem="division by zero"} +Inf -3982045

      # A histogram, which has a pretty complex representation in the text format:
      # HELP http_request_duration_seconds A histogram of the request duration.
      # TYPE http_request_duration_seconds histogram
      http_request_duration_seconds_bucket{le="0.05"} 24054
      http_request_duration_seconds_bucket{le="0.1"} 33444
      http_request_duration_seconds_bucket{le="0.2"} 100392
      http_request_duration_seconds_bucket{le="0.5"} 129389
      http_request_duration_seconds_bucket{le="1"} 133988
      http_request_duration_seconds_bucket{le="+Inf"} 144320
      http_request_duration_seconds_sum 53423
      http_request_duration_seconds_count 144320

      # Finally a summary, which has a complex representation, too:
      # HELP telemetry_requests_metrics_latency_microseconds A summary of the response latency.
      # TYPE telemetry_requests_metrics_latency_microseconds summary
      telemetry_requests_metrics_latency_microseconds{quantile="0.01"} 3102
      telemetry_requests_metrics_latency_microseconds{quantile="0.05"} 3272
      telemetry_requests_metrics_latency_microseconds{quantile="0.5"} 4773
      telemetry_requests_metrics_latency_microseconds{quantile="0.9"} 9001
      telemetry_requests_metrics_latency_microseconds{quantile="0.99"} 76656
      telemetry_requests_metrics_latency_microseconds_sum 1.7560473e+07
      telemetry_requests_metrics_latency_microseconds_count 2693
      """;

  @Test
  void readsTheSpecificationExample() {
    List<Family> families = PrometheusTextParser.parse(SPEC_EXAMPLE);
    assertThat(families).extracting(Family::name).containsExactly("http_requests_total", "msdos_file_access_time_seconds",
        "metric_without_timestamp_and_labels", "something_weird", "http_request_duration_seconds",
        "telemetry_requests_metrics_latency_microseconds");
    assertThat(families.get(0).type()).isEqualTo("counter");
    assertThat(families.get(0).help()).contains("The total number of HTTP requests.");
    assertThat(families.get(0).samples().get(1).value()).isEqualTo(3);
    assertThat(families.get(0).samples().get(1).timestamp()).hasValue(1395066363000L);
    assertThat(families.get(1).type()).isEqualTo("untyped");
    assertThat(families.get(1).samples().get(0).labels())
        .isEqualTo(Map.of("path", "C:\\DIR\\FILE.TXT", "error", "Cannot find file:\n\"FILE.TXT\""));
    assertThat(families.get(1).samples().get(0).value()).isEqualTo(1.458255915e9);
    assertThat(families.get(3).samples().get(0).value()).isInfinite();
    assertThat(families.get(4).samples()).hasSize(8);
    assertThat(families.get(5).samples()).hasSize(7);
  }

  @Test
  void helpUnescapesBackslashAndNewlineAndKeepsInnerSpacing() {
    List<Family> families = PrometheusTextParser.parse("# HELP a_b Says  \\\\ and\\nmore\n# TYPE a_b gauge\na_b{x=\"1\",} 1\n");
    assertThat(families.get(0).help()).contains("Says  \\ and\nmore");
    assertThat(families.get(0).samples().get(0).labels()).isEqualTo(Map.of("x", "1"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no final line feed                 | a 1
      invalid metric name                | 1a 1\\n
      invalid label name                 | a{1x="1"} 1\\n
      unquoted label value               | a{x=1} 1\\n
      unterminated label value           | a{x="1} 1\\n
      invalid escape in label value      | a{x="\\t"} 1\\n
      label twice                        | a{x="1",x="2"} 1\\n
      missing value                      | a{x="1"}\\n
      value not a float                  | a 1.2.3\\n
      timestamp not an int64             | a 1 1.5\\n
      too many tokens                    | a 1 2 3\\n
      second HELP                        | # HELP a x\\n# HELP a y\\na 1\\n
      second TYPE                        | # TYPE a gauge\\n# TYPE a gauge\\na 1\\n
      unknown TYPE                       | # TYPE a number\\na 1\\n
      TYPE after the first sample        | a 1\\n# TYPE a gauge\\n
      HELP after the first sample        | a 1\\n# HELP a x\\n
      escaped quote in HELP              | # HELP a say \\"x\\"\\na 1\\n
      interrupted group                  | a{x="1"} 1\\nb 1\\na{x="2"} 1\\n
      same name and labels twice         | a{x="1",y="2"} 1\\na{y="2",x="1"} 2\\n
      """)
  void refusesWhatTheSpecificationDoesNotAllow(String rule, String text) {
    String input = text.replace("\\n", "\n");
    assertThatThrownBy(() -> PrometheusTextParser.parse(input)).as(rule).isInstanceOf(PrometheusTextParser.FormatException.class);
  }
}
