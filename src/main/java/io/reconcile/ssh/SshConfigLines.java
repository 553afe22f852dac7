package io.reconcile.ssh;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.reconcile.input.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.config.hosts.HostConfigEntry;

/**
 * Prepares an OpenSSH client configuration for Mina's parser and checks, line by line, the values reconcile
 * acts on, so that a bad value is reported at its file:line before any host is contacted (Mina's parser
 * keeps no line numbers). Mina reads each line's keyword and value; this class only looks at the keyword,
 * and rewrites what Mina does not take: {@code Match host|originalhost PATTERNS} and {@code Match all}
 * become the equivalent {@code Host} line, and {@code ProxyCommand ssh -W %h:%p BASTION} becomes
 * {@code ProxyJump BASTION}, which it means.
 */
final class SshConfigLines {
  private static final Pattern KEYWORD = Pattern.compile("^\\s*([A-Za-z]+)\\s*(?:=|\\s|$)");
  private static final ImmutableSet<String> NUMBERS = ImmutableSet.of("port", "connecttimeout", "serveraliveinterval");
  static final ImmutableSet<String> STRICT_VALUES = ImmutableSet.of("yes", "accept-new", "no", "off", "ask");
  private static final ImmutableSet<String> BOOLEANS = ImmutableSet.of("yes", "no", "true", "false");

  private final String file;

  private SshConfigLines(String file) {
    this.file = file;
  }

  /** The text Mina's parser gets; every line keeps its number. */
  static String prepare(String file, String content) {
    SshConfigLines lines = new SshConfigLines(file);
    List<String> out = new ArrayList<>();
    String[] raw = content.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      out.add(lines.line(i + 1, raw[i]));
    }
    return String.join("\n", out);
  }

  private String line(int number, String text) {
    Matcher keyword = KEYWORD.matcher(text);
    if (text.strip().startsWith("#") || !keyword.find()) {
      return text;
    }
    String key = keyword.group(1).toLowerCase(Locale.ROOT);
    switch (key) {
      case "host":
        return text;
      case "match":
        return "Host " + String.join(" ", matchPatterns(number, text));
      case "include":
        throw new InvalidInputException(file, number, "Include is not followed by reconcile: put the Host entries"
            + " in this file, or name the file with --ssh-config");
      default:
        break;
    }
    String expectedNumber = "a whole number" + (key.equals("port") ? " (1-65535)" : " of seconds");
    String value = value(text).orElseThrow(() -> NUMBERS.contains(key)
        ? bad(number, keyword.group(1), text.substring(keyword.end()).strip(), expectedNumber)
        : new InvalidInputException(file, number, "cannot read this line: '" + text.strip() + "'"));
    if (NUMBERS.contains(key) && !value.matches("[0-9]{1,5}")) {
      throw bad(number, keyword.group(1), value, expectedNumber);
    }
    if (key.equals("port") && (Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535)) {
      throw bad(number, keyword.group(1), value, "a port number 1-65535");
    }
    if (key.equals("stricthostkeychecking") && !STRICT_VALUES.contains(value.toLowerCase(Locale.ROOT))) {
      throw bad(number, keyword.group(1), value, "yes, accept-new, no or ask");
    }
    if (key.equals("identitiesonly") && !BOOLEANS.contains(value.toLowerCase(Locale.ROOT))) {
      throw bad(number, keyword.group(1), value, "yes or no");
    }
    if (key.equals("proxycommand")) {
      return "ProxyJump " + proxyJumpOf(number, value);
    }
    return text;
  }

  /** The value of one line as Mina reads it (a multi-word value comes back comma-joined); empty if it cannot. */
  private static Optional<String> value(String text) {
    try {
      List<HostConfigEntry> entries =
          HostConfigEntry.readHostConfigEntries(new BufferedReader(new StringReader("Host *\n" + text)));
      Map<String, String> properties = entries.get(0).getProperties();
      String key = KEYWORD.matcher(text).results().findFirst().orElseThrow().group(1);
      String value = properties.get(key);
      if (value == null && key.equalsIgnoreCase("IdentityFile")) {
        value = String.join(",", entries.get(0).getIdentities());
      }
      return Optional.of(value == null ? "" : value.strip());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private ImmutableList<String> matchPatterns(int number, String text) {
    String[] words = text.strip().split("\\s+");
    if (words.length == 2 && words[1].equalsIgnoreCase("all")) {
      return ImmutableList.of("*");
    }
    if (words.length == 3 && (words[1].equalsIgnoreCase("host") || words[1].equalsIgnoreCase("originalhost"))) {
      return ImmutableList.copyOf(words[2].split(","));
    }
    throw new InvalidInputException(file, number, "Match supports 'Match host PATTERNS', 'Match originalhost"
        + " PATTERNS' and 'Match all' in reconcile (both host forms match the name reconcile connects to),"
        + " got '" + text.strip() + "'");
  }

  /** ProxyCommand in its {@code ssh -W %h:%p BASTION} form: the bastion as a ProxyJump hop. */
  private String proxyJumpOf(int number, String value) {
    return ProxyCommandJump.hopOf(List.of(value.split("[\\s,]+"))).orElseThrow(() -> new InvalidInputException(file,
        number, "ProxyCommand '" + value.replace(',', ' ') + "' is not supported: reconcile takes ProxyCommand in its"
            + " form " + ProxyCommandJump.EXPECTED));
  }

  private InvalidInputException bad(int number, String keyword, String value, String expected) {
    return new InvalidInputException(file, number, keyword + " '" + value + "' is not valid: expected " + expected);
  }
}
