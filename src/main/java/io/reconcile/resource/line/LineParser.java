package io.reconcile.resource.line;

import io.reconcile.state.Ensure;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.Validation;
import io.reconcile.state.YamlMap;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * `line: PATH` with `text` and/or `match` (+ `backrefs`), or with `setting: NAME` for Python settings
 * files: `value` (+ `replaces`) makes `NAME = value` replace any assignment of NAME or of the names it
 * replaces; `renames: OLD` renames OLD's assignment to NAME and keeps its value.
 */
final class LineParser implements SpecParser {
  @Override
  public String type() {
    return "line";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("text", "match", "backrefs", "setting", "value", "replaces", "renames", "state", "create");
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String path = Validation.path(map, type());
    Ensure ensure = Ensure.parse(map, "state");
    boolean create = map.bool("create").orElse(false);
    Optional<String> setting = map.string("setting");
    if (setting.isPresent()) {
      return settingSpec(map, path, ensure, create, setting.get());
    }
    for (String key : new String[] {"value", "replaces", "renames"}) {
      if (map.has(key)) {
        throw map.error(key, "'" + key + "' belongs to a 'setting' line");
      }
    }
    Optional<String> text = map.string("text");
    Optional<Pattern> match = map.string("match").map(regex -> compile(map, regex));
    boolean backrefs = map.bool("backrefs").orElse(false);
    if (backrefs && (match.isEmpty() || text.isEmpty() || ensure != Ensure.PRESENT)) {
      throw map.error("backrefs", "'backrefs' needs 'match' and 'text' on a present line");
    }
    if (text.isEmpty() && (ensure == Ensure.PRESENT || match.isEmpty())) {
      throw map.error(type(), ensure == Ensure.PRESENT ? "a present line needs 'text'" : "an absent line needs 'text' or 'match'");
    }
    text.ifPresent(t -> rejectNewline(map, "text", t));
    return new LineSpec(path, ensure, text, match, create, backrefs);
  }

  private static LineSpec settingSpec(YamlMap map, String path, Ensure ensure, boolean create, String name) {
    if (map.has("text") || map.has("match")) {
      throw map.error("setting", "a 'setting' line takes 'value', not 'text' or 'match'");
    }
    Validation.check(map, "setting", name, PYTHON_NAME, "a Python setting name");
    if (map.has("renames")) {
      return renameSpec(map, path, ensure, create, name);
    }
    ImmutableList<String> replaced = map.strings("replaces");
    replaced.forEach(old -> Validation.check(map, "replaces", old, PYTHON_NAME, "a Python setting name"));
    Pattern assignment = Pattern.compile("^\\s*(" + String.join("|", ImmutableList.<String>builder().add(name).addAll(replaced).build()) + ")\\s*=");
    if (ensure == Ensure.ABSENT) {
      if (map.has("value")) {
        throw map.error("value", "an absent setting has no value");
      }
      return new LineSpec(path, ensure, Optional.empty(), Optional.of(assignment), create, false);
    }
    String value = map.requireString("value");
    rejectNewline(map, "value", value);
    return new LineSpec(path, ensure, Optional.of(name + " = " + value), Optional.of(assignment), create, false);
  }

  /** `setting: NEW` + `renames: OLD`: the first line of OLD's assignment gets NEW's name, the value stays. */
  private static LineSpec renameSpec(YamlMap map, String path, Ensure ensure, boolean create, String name) {
    for (String key : new String[] {"value", "replaces"}) {
      if (map.has(key)) {
        throw map.error(key, "'renames' keeps the old value: it takes no '" + key + "'");
      }
    }
    if (ensure != Ensure.PRESENT) {
      throw map.error("renames", "'renames' needs state present");
    }
    String old = map.requireString("renames");
    Validation.check(map, "renames", old, PYTHON_NAME, "a Python setting name");
    Pattern assignment = Pattern.compile("^(\\s*)" + old + "(\\s*=.*)$");
    return new LineSpec(path, ensure, Optional.of("\\1" + name + "\\2"), Optional.of(assignment), create, true);
  }

  private static final Pattern PYTHON_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static Pattern compile(YamlMap map, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw map.error("match", "'match' is not a valid regular expression: " + e.getDescription());
    }
  }

  private static void rejectNewline(YamlMap map, String key, String value) {
    if (value.indexOf('\n') >= 0) {
      throw map.error(key, "'" + key + "' must be a single line (use a file template for more)");
    }
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    LineSpec line = (LineSpec) spec;
    return line.path() + "#" + line.match().map(Pattern::pattern).or(line::text).orElse("");
  }
}
