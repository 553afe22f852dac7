package io.reconcile.report;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format: a family's HELP and TYPE lines, then its samples in one
 * uninterrupted group; HELP text and label values escaped as the format says.
 */
final class PrometheusText {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final StringBuilder out = new StringBuilder();
  private String family;

  void family(String name, String type, String help) {
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid metric name " + name);
    }
    family = name;
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  void sample(Map<String, String> labels, long value) {
    sample(labels, Long.toString(value));
  }

  void sample(Map<String, String> labels, BigDecimal value) {
    sample(labels, value.toPlainString());
  }

  private void sample(Map<String, String> labels, String value) {
    out.append(family);
    if (!labels.isEmpty()) {
      out.append('{');
      String separator = "";
      for (Map.Entry<String, String> label : labels.entrySet()) {
        if (!LABEL_NAME.matcher(label.getKey()).matches() || label.getKey().startsWith("__")) {
          throw new IllegalArgumentException("invalid label name " + label.getKey());
        }
        out.append(separator).append(label.getKey()).append("=\"").append(escapeLabelValue(label.getValue())).append('"');
        separator = ",";
      }
      out.append('}');
    }
    out.append(' ').append(value).append('\n');
  }

  static String escapeHelp(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n");
  }

  static String escapeLabelValue(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
