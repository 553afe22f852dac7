package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The usable lines of one known_hosts content, found by host without matching every line: lines that
 * name hosts literally ({@code host}, {@code [host]:port}) are indexed by name and port; only lines with
 * wildcards, negations or hashed names are matched one by one. A fleet of N hosts has an N-line file,
 * and matching every line for every host made a run cost O(N^2) (docs/benchmarks.md). Matching itself
 * stays Mina's {@link KnownHostEntry#isHostMatch}: the index only picks the candidates.
 */
final class KnownHostLines {
  /** One usable line (unparseable lines are skipped, as OpenSSH does). */
  record Line(int number, String marker, KnownHostEntry entry, PublicKey key) {}

  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\]:(\\d+)");
  private static final int DEFAULT_PORT = 22;

  static final KnownHostLines EMPTY = new KnownHostLines(ImmutableListMultimap.of(), ImmutableList.of());

  private final ImmutableListMultimap<String, Line> literal;
  private final ImmutableList<Line> patterned;

  private KnownHostLines(ImmutableListMultimap<String, Line> literal, ImmutableList<Line> patterned) {
    this.literal = literal;
    this.patterned = patterned;
  }

  static KnownHostLines parse(String content) {
    ImmutableListMultimap.Builder<String, Line> literal = ImmutableListMultimap.builder();
    ImmutableList.Builder<Line> patterned = ImmutableList.builder();
    String[] raw = content.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String text = raw[i].strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      Line line;
      try {
        KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(text);
        PublicKey key = entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        line = new Line(i + 1, Optional.ofNullable(entry.getMarker()).orElse(""), entry, key);
      } catch (Exception e) {
        continue; // not a line we can use (unknown key type, garbage): OpenSSH ignores such lines too
      }
      Optional<ImmutableList<String>> names = literalNames(text);
      if (names.isPresent()) {
        names.get().forEach(name -> literal.put(name, line));
      } else {
        patterned.add(line);
      }
    }
    return new KnownHostLines(literal.build(), patterned.build());
  }

  /**
   * Lines for the host (in file order), host certificates left out (not supported).
   *
   * @param host lower case, as OpenSSH matches and hashes host names
   */
  ImmutableList<Line> forHost(String host, int port) {
    return Stream.concat(literal.get(key(host, port)).stream(), patterned.stream())
        .filter(l -> !l.marker().equals("cert-authority"))
        .filter(l -> l.entry().isHostMatch(host, port))
        .sorted(Comparator.comparingInt(Line::number))
        .distinct()
        .collect(ImmutableList.toImmutableList());
  }

  /** The index keys of a line whose host field names hosts literally; empty for patterns and hashes. */
  private static Optional<ImmutableList<String>> literalNames(String text) {
    String[] fields = text.split("\\s+");
    String hosts = fields[0].startsWith("@") ? (fields.length > 1 ? fields[1] : "") : fields[0];
    if (hosts.isEmpty() || hosts.startsWith("|")) {
      return Optional.empty();
    }
    ImmutableList.Builder<String> keys = ImmutableList.builder();
    for (String name : hosts.split(",")) {
      if (name.isEmpty() || name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('!') >= 0) {
        return Optional.empty();
      }
      if (name.startsWith("[")) {
        Matcher m = BRACKETED.matcher(name);
        if (!m.matches()) {
          return Optional.empty();
        }
        keys.add(key(m.group(1), Integer.parseInt(m.group(2))));
      } else {
        keys.add(key(name, DEFAULT_PORT));
      }
    }
    return Optional.of(keys.build());
  }

  private static String key(String host, int port) {
    return host.toLowerCase(Locale.ROOT) + ":" + (port <= 0 ? DEFAULT_PORT : port);
  }
}
