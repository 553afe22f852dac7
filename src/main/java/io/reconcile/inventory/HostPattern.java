package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An Ansible host pattern, as given to {@code --limit}: terms separated by {@code ,} (or {@code :}
 * when there is no comma), each a host or group name, {@code all} / {@code *}, a glob such as
 * {@code web*} or {@code *.example.org}, a regular expression {@code ~(web|db).*}, optionally
 * prefixed by {@code &} (intersection) or {@code !} (exclusion), optionally followed by a subscript
 * {@code [0]}, {@code [-1]}, {@code [1:3]}, {@code [1:]}, {@code [:3]} picking hosts by position.
 * As Ansible documents, unions are applied first, then intersections, then exclusions, whatever
 * the order in the pattern; a pattern with only {@code &} / {@code !} terms starts from {@code all}.
 * A glob matches a whole name; a regular expression only has to match at the start, like Python's
 * {@code re.match}. Names are case-sensitive.
 */
public final class HostPattern {
  private static final Pattern TERM_WITHOUT_COMMAS = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");
  private static final Pattern WITH_SUBSCRIPT =
      Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]*)[:-]([0-9]*))\\]$");

  private enum Operation { UNION, INTERSECTION, EXCLUSION }

  /** Hosts by position: {@code hosts[index]} (negative counts from the end) or {@code hosts[from..to]} inclusive. */
  private record Subscript(int from, Optional<Integer> to, boolean single) {
    ImmutableList<String> apply(List<String> hosts) {
      if (single) {
        int index = from < 0 ? hosts.size() + from : from;
        return index >= 0 && index < hosts.size() ? ImmutableList.of(hosts.get(index)) : ImmutableList.of();
      }
      int end = Math.min(to.orElse(hosts.size() - 1), hosts.size() - 1);
      return from > end ? ImmutableList.of() : ImmutableList.copyOf(hosts.subList(from, end + 1));
    }
  }

  private record Term(String text, Operation operation, String expression, Pattern names, boolean regex,
      Optional<Subscript> subscript) {

    boolean matches(String name) {
      Matcher matcher = names.matcher(name);
      return regex ? matcher.lookingAt() : matcher.matches();
    }

    /** Ansible looks at host names too unless a plain word already named a group. */
    boolean mayMatchHostsToo() {
      return regex || expression.chars().anyMatch(c -> ".?*[".indexOf(c) >= 0);
    }
  }

  private final String text;
  private final ImmutableList<Term> terms; // unions, then intersections, then exclusions

  private HostPattern(String text, ImmutableList<Term> terms) {
    this.text = text;
    this.terms = terms;
  }

  /**
   * Parses a pattern without looking at any inventory.
   *
   * @throws IllegalArgumentException for an empty pattern or term, an invalid regular expression,
   *     a subscript with neither end, or an {@code @file} limit (not supported)
   */
  public static HostPattern parse(String pattern) {
    List<Term> unions = new ArrayList<>();
    List<Term> intersections = new ArrayList<>();
    List<Term> exclusions = new ArrayList<>();
    for (String word : split(pattern)) {
      Term term = term(word);
      switch (term.operation()) {
        case UNION -> unions.add(term);
        case INTERSECTION -> intersections.add(term);
        case EXCLUSION -> exclusions.add(term);
      }
    }
    if (unions.isEmpty()) {
      unions.add(term("all"));
    }
    return new HostPattern(pattern, ImmutableList.<Term>builder()
        .addAll(unions).addAll(intersections).addAll(exclusions).build());
  }

  /**
   * Applies the pattern; never fails. The selection may be empty; terms that matched nothing
   * (including a subscript past the end of its hosts) are listed in {@link HostSelection#unmatchedTerms()}.
   */
  public HostSelection select(Inventory inventory) {
    Set<String> selected = new LinkedHashSet<>();
    ImmutableList.Builder<String> unmatched = ImmutableList.builder();
    for (Term term : terms) {
      Optional<List<String>> matched = match(term, inventory);
      if (matched.isEmpty()) {
        unmatched.add(term.text());
      }
      List<String> hosts = matched.orElse(List.of());
      switch (term.operation()) {
        case UNION -> selected.addAll(hosts);
        case INTERSECTION -> selected.retainAll(hosts);
        case EXCLUSION -> hosts.forEach(selected::remove);
      }
    }
    ImmutableList<InventoryHost> hosts = inventory.hosts().stream()
        .filter(host -> selected.contains(host.name()))
        .collect(ImmutableList.toImmutableList());
    return new HostSelection(hosts, unmatched.build());
  }

  @Override
  public String toString() {
    return text;
  }

  private static List<String> split(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      throw new IllegalArgumentException("empty host pattern: expected a host, group or pattern such as 'web*:!db1'");
    }
    List<String> words;
    if (pattern.contains(",")) {
      words = Arrays.asList(pattern.split(","));
    } else if (isSingleAddress(pattern.strip())) {
      words = List.of(pattern); // an IPv6 address or a host:port keeps its colons
    } else {
      words = new ArrayList<>();
      Matcher word = TERM_WITHOUT_COMMAS.matcher(pattern);
      while (word.find()) {
        words.add(word.group());
      }
    }
    List<String> stripped = words.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException("host pattern '" + pattern + "' names no host or group");
    }
    return stripped;
  }

  private static boolean isSingleAddress(String pattern) {
    try {
      HostAddress.parse(pattern);
      return true;
    } catch (InventorySyntaxException e) {
      return false;
    }
  }

  private static Term term(String word) {
    if (word.startsWith("@")) {
      throw new IllegalArgumentException("host pattern '" + word + "': reading hosts from an @file is not supported");
    }
    Operation operation = switch (word.charAt(0)) {
      case '&' -> Operation.INTERSECTION;
      case '!' -> Operation.EXCLUSION;
      default -> Operation.UNION;
    };
    String expression = operation == Operation.UNION ? word : word.substring(1);
    if (expression.isEmpty()) {
      throw new IllegalArgumentException("host pattern term '" + word + "' has no host or group after '" + word.charAt(0) + "'");
    }
    boolean regex = expression.startsWith("~");
    Optional<Subscript> subscript = Optional.empty();
    Matcher withSubscript = regex ? null : WITH_SUBSCRIPT.matcher(expression);
    if (withSubscript != null && withSubscript.matches()) {
      expression = withSubscript.group(1);
      subscript = Optional.of(subscript(word, withSubscript));
    }
    try {
      Pattern names = regex ? Pattern.compile(expression.substring(1)) : Glob.compile(expression);
      return new Term(word, operation, expression, names, regex, subscript);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("host pattern '" + word + "' is not a valid "
          + (regex ? "regular expression" : "wildcard pattern") + ": " + e.getDescription());
    }
  }

  private static Subscript subscript(String word, Matcher m) {
    if (m.group(2) != null) {
      return new Subscript(Integer.parseInt(m.group(2)), Optional.empty(), true);
    }
    if (m.group(3).isEmpty() && m.group(4).isEmpty()) {
      throw new IllegalArgumentException("host pattern '" + word + "': a subscript needs a start or an end, e.g. [0:2]");
    }
    int from = m.group(3).isEmpty() ? 0 : Integer.parseInt(m.group(3));
    Optional<Integer> to = m.group(4).isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(m.group(4)));
    return new Subscript(from, to, false);
  }

  /** The hosts one term names, in Ansible's order, or empty if it names no host and no group. */
  private static Optional<List<String>> match(Term term, Inventory inventory) {
    if (term.operation() == Operation.UNION && inventory.host(term.text()).isPresent()) {
      return Optional.of(List.of(term.text()));
    }
    List<String> groups = inventory.groups().keySet().stream().filter(term::matches).toList();
    Set<String> hosts = new LinkedHashSet<>();
    groups.forEach(group -> hosts.addAll(inventory.hostNamesOf(group)));
    if (groups.isEmpty() || term.mayMatchHostsToo()) {
      inventory.hosts().stream().map(InventoryHost::name).filter(term::matches).forEach(hosts::add);
    }
    if (groups.isEmpty() && hosts.isEmpty()) {
      return Optional.empty();
    }
    if (term.subscript().isEmpty()) {
      return Optional.of(List.copyOf(hosts));
    }
    // Ansible fails on an index past the end; we report the term as matching nothing instead.
    List<String> picked = term.subscript().get().apply(List.copyOf(hosts));
    return picked.isEmpty() ? Optional.empty() : Optional.of(picked);
  }
}
