package io.reconcile.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a Debian host with {@link SimulatedHost}'s facts prints when it runs reconcile's observation script
 * (io.reconcile.host.ObservationScript). The script is read line by line as the shell would: the marker
 * assignment, then {@code echo "$m SECTION"} lines each followed by one call of the script's functions
 * (rf, rs, rg, rp) or by {@code dpkg-query}. Output is byte for byte what those commands print on a real
 * host (stat's {@code %F|%U|%G|%a|%s}, sha256sum's hex digest, {@code base64 -w0}, dpkg-query's format).
 * Anything else in the script is refused, so a changed script shows up as failed hosts, never as a
 * simulation that quietly answers something else.
 */
final class ObservationAnswer {
  private static final String MAX_BYTES_TEST = "-gt ";

  private ObservationAnswer() {}

  /** True for the observation script (its function preamble), false for any other command. */
  static boolean isObservation(String script) {
    return script.startsWith("rf() {") && script.contains("\nm=");
  }

  /**
   * @throws IllegalArgumentException for a line the simulation does not know how to answer
   */
  static String answer(String script, SimulatedHost host) {
    long maxContentBytes = maxContentBytes(script);
    StringBuilder out = new StringBuilder(4096);
    String marker = null;
    boolean inFunctions = true;
    for (String line : script.split("\n")) {
      if (inFunctions) {
        if (line.startsWith("m=")) {
          marker = single(ShellWords.split(line.substring(2)));
          inFunctions = false;
        }
        continue;
      }
      for (List<String> command : ShellWords.commands(line)) {
        run(command, marker, maxContentBytes, host, out);
      }
    }
    if (marker == null) {
      throw new IllegalArgumentException("no marker assignment in the script");
    }
    return out.toString();
  }

  private static void run(List<String> words, String marker, long maxContentBytes, SimulatedHost host, StringBuilder out) {
    String name = words.get(0);
    switch (name) {
      case "echo" -> out.append(single(words.subList(1, words.size())).replace("$m", marker)).append('\n');
      case "dpkg-query" -> packages(words, host, out);
      case "rf" -> file(single(words.subList(1, words.size())), maxContentBytes, host, out);
      case "rs" -> service(single(words.subList(1, words.size())), host, out);
      case "rg" -> out.append(host.guardStatus(single(words.subList(1, words.size())))).append('\n');
      case "rp" -> out.append(host.listening(single(words.subList(1, words.size()))) ? "0" : "1").append('\n');
      default -> throw new IllegalArgumentException("the simulated host cannot run '" + name + "'");
    }
  }

  /** {@code dpkg-query -W -f='${Package}\t${Version}\t${Status}\n' p1 p2 2>/dev/null}: one line per installed name. */
  private static void packages(List<String> words, SimulatedHost host, StringBuilder out) {
    if (words.size() < 3 || !words.get(1).equals("-W") || !words.get(2).equals("-f=${Package}\\t${Version}\\t${Status}\\n")) {
      throw new IllegalArgumentException("unexpected dpkg-query call: " + words);
    }
    for (String word : words.subList(3, words.size())) {
      if (word.equals("2>/dev/null")) {
        continue;
      }
      // dpkg-query prints nothing on stdout for a package it has never heard of.
      host.packageVersion(word).ifPresent(v -> out.append(word).append('\t').append(v).append("\tinstall ok installed\n"));
    }
  }

  /** rf: "absent", or stat's line, sha256sum's digest and the base64 content (when not larger than the limit). */
  private static void file(String path, long maxContentBytes, SimulatedHost host, StringBuilder out) {
    Optional<SimulatedHost.File> file = host.file(path);
    if (file.isEmpty()) {
      out.append("absent\n");
      return;
    }
    SimulatedHost.File f = file.get();
    out.append("regular file|").append(f.owner()).append('|').append(f.group()).append('|')
        .append(Integer.toOctalString(f.mode())).append('|').append(f.content().length).append('\n');
    out.append(sha256(f.content())).append('\n');
    if (f.content().length <= maxContentBytes) {
      out.append(Base64.getEncoder().encodeToString(f.content())).append('\n');
    }
  }

  /** rs: "K R E" exit statuses of the init script test, `service NAME status` and the rc?.d link test. */
  private static void service(String name, SimulatedHost host, StringBuilder out) {
    Optional<SimulatedHost.Service> service = host.service(name);
    if (service.isEmpty()) {
      out.append("1 3 1\n");
      return;
    }
    out.append("0 ").append(service.get().running() ? 0 : 3).append(' ').append(service.get().enabled() ? 0 : 1).append('\n');
  }

  /** The content limit is part of the script's rf function: {@code [ "$(stat ...)" -gt 1048576 ]}. */
  private static long maxContentBytes(String script) {
    int at = script.indexOf(MAX_BYTES_TEST);
    if (at < 0) {
      throw new IllegalArgumentException("the script's rf function has no size limit");
    }
    int end = at + MAX_BYTES_TEST.length();
    while (end < script.length() && Character.isDigit(script.charAt(end))) {
      end++;
    }
    return Long.parseLong(script.substring(at + MAX_BYTES_TEST.length(), end));
  }

  private static String single(List<String> words) {
    if (words.size() != 1) {
      throw new IllegalArgumentException("expected one argument, got " + words);
    }
    return words.get(0);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The few shell rules the observation script's lines use: ';' between commands, '...' and "..." words. */
  static final class ShellWords {
    private ShellWords() {}

    static List<List<String>> commands(String line) {
      List<List<String>> commands = new ArrayList<>();
      List<String> words = new ArrayList<>();
      StringBuilder word = null;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\'') {
          int end = line.indexOf('\'', i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("unterminated quote: " + line);
          }
          word = (word == null ? new StringBuilder() : word).append(line, i + 1, end);
          i = end;
        } else if (c == '"') {
          int end = line.indexOf('"', i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("unterminated quote: " + line);
          }
          word = (word == null ? new StringBuilder() : word).append(line, i + 1, end);
          i = end;
        } else if (c == '\\' && i + 1 < line.length()) {
          word = (word == null ? new StringBuilder() : word).append(line.charAt(++i));
        } else if (c == ' ' || c == ';') {
          if (word != null) {
            words.add(word.toString());
            word = null;
          }
          if (c == ';' && !words.isEmpty()) {
            commands.add(words);
            words = new ArrayList<>();
          }
        } else {
          word = (word == null ? new StringBuilder() : word).append(c);
        }
      }
      if (word != null) {
        words.add(word.toString());
      }
      if (!words.isEmpty()) {
        commands.add(words);
      }
      return commands;
    }

    static List<String> split(String text) {
      List<List<String>> commands = commands(text);
      return commands.size() == 1 ? commands.get(0) : List.of();
    }
  }
}
