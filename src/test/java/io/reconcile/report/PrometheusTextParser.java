package io.reconcile.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, written from the format's
 * specification (prometheus/docs, "Exposition formats", text format details) for tests: anything the
 * specification does not allow is an error naming the line. There is no parser of this format for Java
 * on Maven Central (the Java client only writes it); its own tests are in PrometheusTextParserTest.
 * Values: decimal floats, Inf and NaN as Go's ParseFloat reads them; its rarer hexadecimal and
 * digit-separator forms are refused (stricter than needed, never more lenient).
 */
public final class PrometheusTextParser {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|(?i:inf|infinity|nan))");
  private static final Pattern INT64 = Pattern.compile("[+-]?[0-9]+");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

  public record Sample(String name, Map<String, String> labels, double value, OptionalLong timestamp) {}

  public record Family(String name, String type, Optional<String> help, List<Sample> samples) {}

  /** A violation of the format, with the 1-based line it is on. */
  public static final class FormatException extends RuntimeException {
    FormatException(int line, String message) {
      super("line " + line + ": " + message);
    }
  }

  private final Map<String, FamilyDraft> families = new LinkedHashMap<>();
  private final Set<String> closed = new HashSet<>(); // families whose group of lines has ended
  private final Set<String> series = new HashSet<>();
  private String current;
  private int lineNumber;

  private static final class FamilyDraft {
    String type;
    String help;
    final List<Sample> samples = new ArrayList<>();
  }

  public static List<Family> parse(String text) {
    return new PrometheusTextParser().run(text);
  }

  private List<Family> run(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new FormatException(text.split("\n", -1).length, "the last line must end with a line feed");
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) {
      lineNumber = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        comment(line.substring(1));
      } else {
        sample(line);
      }
    }
    List<Family> result = new ArrayList<>();
    families.forEach((name, draft) -> result.add(new Family(name, draft.type == null ? "untyped" : draft.type,
        Optional.ofNullable(draft.help), Collections.unmodifiableList(draft.samples))));
    return result;
  }

  private void comment(String body) {
    String[] tokens = body.strip().split("[ \t]+", 3);
    if (tokens.length == 0 || !(tokens[0].equals("HELP") || tokens[0].equals("TYPE"))) {
      return; // a plain comment
    }
    if (tokens.length < 2 || !METRIC_NAME.matcher(tokens[1]).matches()) {
      throw error(tokens[0] + " needs a valid metric name");
    }
    FamilyDraft family = enter(tokens[1]);
    if (!family.samples.isEmpty()) {
      throw error(tokens[0] + " line for " + tokens[1] + " after its first sample");
    }
    if (tokens[0].equals("HELP")) {
      if (family.help != null) {
        throw error("second HELP line for " + tokens[1]);
      }
      family.help = unescape(tokens.length > 2 ? tokens[2] : "", false);
    } else {
      if (tokens.length != 3 || !TYPES.contains(tokens[2].strip())) {
        throw error("TYPE needs exactly a metric name and one of " + TYPES);
      }
      if (family.type != null) {
        throw error("second TYPE line for " + tokens[1]);
      }
      family.type = tokens[2].strip();
    }
  }

  /** Makes {@code name} the family whose lines these are; its lines must be one uninterrupted group. */
  private FamilyDraft enter(String name) {
    if (!name.equals(current)) {
      if (closed.contains(name)) {
        throw error("lines of " + name + " are not one uninterrupted group");
      }
      if (current != null) {
        closed.add(current);
      }
      current = name;
    }
    return families.computeIfAbsent(name, n -> new FamilyDraft());
  }

  private void sample(String line) {
    int i = 0;
    while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == ':')) {
      i++;
    }
    String name = line.substring(0, i);
    if (!METRIC_NAME.matcher(name).matches()) {
      throw error("invalid metric name in sample '" + line + "'");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    i = skipBlanks(line, i);
    if (i < line.length() && line.charAt(i) == '{') {
      i = labels(line, i + 1, labels);
    }
    String[] rest = line.substring(i).strip().split("[ \t]+");
    if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
      throw error("a sample is: name, optional labels, value, optional timestamp");
    }
    double value = value(rest[0]);
    OptionalLong timestamp = OptionalLong.empty();
    if (rest.length == 2) {
      if (!INT64.matcher(rest[1]).matches()) {
        throw error("timestamp '" + rest[1] + "' is not an int64");
      }
      timestamp = OptionalLong.of(Long.parseLong(rest[1]));
    }
    FamilyDraft family = enter(familyOf(name));
    if (!series.add(name + new TreeMap<>(labels))) {
      throw error("second sample with the same name and labels: " + name + labels);
    }
    family.samples.add(new Sample(name, Collections.unmodifiableMap(labels), value, timestamp));
  }

  /** Samples x_sum, x_count (histogram, summary) and x_bucket (histogram) belong to family x when x is so typed. */
  private String familyOf(String sample) {
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        FamilyDraft family = families.get(base);
        if (family != null && ("histogram".equals(family.type) || ("summary".equals(family.type) && !suffix.equals("_bucket")))) {
          return base;
        }
      }
    }
    return sample;
  }

  private int labels(String line, int start, Map<String, String> labels) {
    int i = skipBlanks(line, start);
    while (true) {
      if (i < line.length() && line.charAt(i) == '}') {
        return i + 1;
      }
      int nameStart = i;
      while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
        i++;
      }
      String label = line.substring(nameStart, i);
      if (!LABEL_NAME.matcher(label).matches()) {
        throw error("invalid label name '" + label + "'");
      }
      i = skipBlanks(line, i);
      if (i >= line.length() || line.charAt(i) != '=') {
        throw error("expected '=' after label " + label);
      }
      i = skipBlanks(line, i + 1);
      if (i >= line.length() || line.charAt(i) != '"') {
        throw error("label value of " + label + " must be quoted");
      }
      StringBuilder raw = new StringBuilder();
      i++;
      while (true) {
        if (i >= line.length()) {
          throw error("unterminated label value of " + label);
        }
        char c = line.charAt(i);
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          if (i + 1 >= line.length()) {
            throw error("unterminated escape in label value of " + label);
          }
          raw.append(c).append(line.charAt(i + 1));
          i += 2;
        } else {
          raw.append(c);
          i++;
        }
      }
      if (labels.put(label, unescape(raw.toString(), true)) != null) {
        throw error("label " + label + " twice");
      }
      i = skipBlanks(line, i + 1);
      if (i < line.length() && line.charAt(i) == ',') {
        i = skipBlanks(line, i + 1);
      } else if (i >= line.length() || line.charAt(i) != '}') {
        throw error("expected ',' or '}' after the value of label " + label);
      }
    }
  }

  private double value(String token) {
    if (!FLOAT.matcher(token).matches()) {
      throw error("value '" + token + "' is not a float");
    }
    String lower = token.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("nan")) {
      return Double.NaN;
    }
    if (lower.endsWith("inf") || lower.endsWith("infinity")) {
      return token.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(token);
  }

  /** HELP allows the escapes \\ and \n; label values also \". Anything else after a backslash is an error. */
  private String unescape(String text, boolean labelValue) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 >= text.length()) {
        throw error("backslash at the end of '" + text + "'");
      }
      char next = text.charAt(++i);
      switch (next) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case '"' -> {
          if (!labelValue) {
            throw error("escape \\\" is not allowed in HELP");
          }
          out.append('"');
        }
        default -> throw error("invalid escape \\" + next);
      }
    }
    return out.toString();
  }

  private static int skipBlanks(String line, int i) {
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private FormatException error(String message) {
    return new FormatException(lineNumber, message);
  }

  /** Convenience for tests: the one sample of {@code family} with exactly these labels. */
  public static Optional<Sample> find(List<Family> families, String family, Map<String, String> labels) {
    return families.stream().filter(f -> f.name().equals(family)).flatMap(f -> f.samples().stream())
        .filter(s -> s.labels().equals(labels)).findFirst();
  }

  static Map<String, String> labels(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
