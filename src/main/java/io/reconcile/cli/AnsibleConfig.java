package io.reconcile.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.input.InvalidInputException;
import io.reconcile.input.NearestName;
import io.reconcile.inventory.SshCommonArgs;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.Profile;

/**
 * The settings of an ansible.cfg (parsed with ini4j, as plain INI is) that reconcile has a meaning for:
 * {@code [defaults]} inventory, remote_user, remote_port, private_key_file, forks, timeout and
 * host_key_checking; {@code [ssh_connection]} ssh_args and ssh_common_args (their -F FILE and their bastion);
 * and reconcile's own {@code [reconcile]} section. Ansible's other keys are left alone; an unknown key in
 * {@code [reconcile]} is an error that names the nearest valid one. Relative paths are relative to the
 * file, as Ansible resolves its path settings.
 */
record AnsibleConfig(
    Optional<Path> file,
    Optional<Path> inventory,
    Optional<String> remoteUser,
    Optional<Integer> remotePort,
    Optional<Path> privateKeyFile,
    Optional<Integer> forks,
    Optional<Integer> timeout,
    Optional<Boolean> hostKeyChecking,
    Optional<Path> sshConfig,
    Optional<String> proxyJump,
    ImmutableMap<String, String> reconcile) {

  /** The keys of the [reconcile] section: defaults of the flags of the same name. */
  static final ImmutableSet<String> RECONCILE_KEYS = ImmutableSet.of("states", "templates", "known_hosts",
      "accept_new_host_keys", "ssh_config", "export_dir", "connect_timeout", "command_timeout", "dpkg_lock_timeout");

  static final AnsibleConfig NONE = new AnsibleConfig(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), ImmutableMap.of());

  // Python's configparser as Ansible sets it up: ';' after blanks starts an inline comment.
  private static final Pattern INLINE_COMMENT = Pattern.compile("\\s+;.*$");
  private static final Set<String> TRUE = Set.of("yes", "true", "on", "1", "y", "t");
  private static final Set<String> FALSE = Set.of("no", "false", "off", "0", "n", "f");

  /** Reads the file; a value reconcile cannot use is an {@link InvalidInputException} at its line. */
  static AnsibleConfig read(Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(file.toString(), 0, "cannot read ansible.cfg: " + e.getMessage());
    }
    Ini ini = new Ini();
    Config config = ini.getConfig();
    config.setEscape(false); // backslashes are literal, as in configparser
    config.setEmptyOption(true);
    config.setMultiOption(false);
    config.setStrictOperator(false);
    try {
      ini.load(new StringReader(content));
    } catch (IOException e) {
      throw new InvalidInputException(file.toString(), 0, "not a valid ansible.cfg (INI): " + e.getMessage());
    }
    return new Reader(file, content, ini).config();
  }

  /** Reads one file's sections, reporting a bad value at the line that set it. */
  private record Reader(Path file, String content, Ini ini) {
    AnsibleConfig config() {
      Path dir = file.toAbsolutePath().getParent();
      Optional<String> sshArgs = value("ssh_connection", "ssh_args");
      Optional<String> commonArgs = value("ssh_connection", "ssh_common_args");
      return new AnsibleConfig(
          Optional.of(file),
          value("defaults", "inventory").map(v -> path(dir, v.split(",")[0].strip())),
          value("defaults", "remote_user").filter(v -> !v.isBlank()),
          typed("defaults", "remote_port", AnsibleConfig::port, "a port number 1-65535"),
          value("defaults", "private_key_file").map(v -> path(dir, v)),
          typed("defaults", "forks", AnsibleConfig::positive, "a whole number of at least 1"),
          typed("defaults", "timeout", AnsibleConfig::positive, "a whole number of seconds"),
          typed("defaults", "host_key_checking", AnsibleConfig::bool, "True or False"),
          sshArgs.flatMap(a -> argsOf("ssh_args", a).configFile()).map(v -> path(dir, v)),
          commonArgs.flatMap(a -> argsOf("ssh_common_args", a).proxyJump())
              .or(() -> sshArgs.flatMap(a -> argsOf("ssh_args", a).proxyJump())),
          reconcileSection());
    }

    private ImmutableMap<String, String> reconcileSection() {
      Profile.Section section = ini.get("reconcile");
      if (section == null) {
        return ImmutableMap.of();
      }
      ImmutableMap.Builder<String, String> values = ImmutableMap.builder();
      for (String key : section.keySet()) {
        if (!RECONCILE_KEYS.contains(key)) {
          throw new InvalidInputException(file.toString(), line("reconcile", key), "unknown key '" + key
              + "' in [reconcile]" + NearestName.hint(key, RECONCILE_KEYS) + "; valid keys: "
              + String.join(", ", RECONCILE_KEYS));
        }
        if (key.endsWith("_timeout")) {
          typed("reconcile", key, v -> v.matches("[0-9]{1,6}") ? Optional.of(v) : Optional.empty(),
              "a whole number of seconds");
        } else if (key.equals("accept_new_host_keys")) {
          typed("reconcile", key, AnsibleConfig::bool, "yes or no");
        }
        value("reconcile", key).ifPresent(v -> values.put(key, v));
      }
      return values.buildKeepingLast();
    }

    Optional<String> value(String section, String key) {
      Profile.Section found = ini.get(section);
      return Optional.ofNullable(found == null ? null : found.get(key))
          .map(v -> INLINE_COMMENT.matcher(v).replaceFirst("").strip());
    }

    <T> Optional<T> typed(String section, String key, Function<String, Optional<T>> parse, String expected) {
      return value(section, key).map(v -> parse.apply(v).orElseThrow(() -> new InvalidInputException(file.toString(),
          line(section, key), "[" + section + "] " + key + " = '" + v + "' is not valid: expected " + expected)));
    }

    SshCommonArgs argsOf(String key, String args) {
      try {
        return SshCommonArgs.parse(args);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(file.toString(), line("ssh_connection", key), "[ssh_connection] " + key + ": "
            + e.getMessage());
      }
    }

    /** The line that sets {@code key} in {@code [section]}; ini4j keeps no line numbers. */
    int line(String section, String key) {
      List<String> lines = ImmutableList.copyOf(content.split("\n", -1));
      Pattern header = Pattern.compile("^\\s*\\[\\s*" + Pattern.quote(section) + "\\s*]\\s*$");
      Pattern setting = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
      boolean inSection = false;
      for (int i = 0; i < lines.size(); i++) {
        String text = lines.get(i);
        if (text.strip().startsWith("[")) {
          inSection = header.matcher(text).matches();
        } else if (inSection && setting.matcher(text).matches()) {
          return i + 1;
        }
      }
      return 0;
    }
  }

  private static Path path(Path dir, String value) {
    String expanded = value.equals("~") || value.startsWith("~/")
        ? System.getProperty("user.home") + value.substring(1) : value;
    return dir.resolve(expanded).normalize();
  }

  private static Optional<Integer> port(String v) {
    return positive(v).filter(p -> p <= 65535);
  }

  private static Optional<Integer> positive(String v) {
    return v.matches("[0-9]{1,6}") && Integer.parseInt(v) >= 1 ? Optional.of(Integer.parseInt(v)) : Optional.empty();
  }

  private static Optional<Boolean> bool(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    return TRUE.contains(lower) ? Optional.of(true) : FALSE.contains(lower) ? Optional.of(false) : Optional.empty();
  }

  Optional<String> reconcileValue(String key) {
    return Optional.ofNullable(reconcile.get(key));
  }

  /** A [reconcile] timeout, checked when the file was read. */
  Optional<Integer> reconcileSeconds(String key) {
    return reconcileValue(key).map(Integer::parseInt);
  }

  /** A [reconcile] yes/no, checked when the file was read. */
  Optional<Boolean> reconcileFlag(String key) {
    return reconcileValue(key).flatMap(AnsibleConfig::bool);
  }

  Optional<Path> reconcilePath(String key) {
    return reconcileValue(key).map(v -> path(file.map(f -> f.toAbsolutePath().getParent()).orElse(Path.of("")), v));
  }
}
