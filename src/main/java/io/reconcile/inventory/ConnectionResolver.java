package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;
import io.reconcile.input.InvalidInputException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a host's resolved variables into {@link ConnectionSettings}, rejecting bad values at the
 * line that set them. Each setting also accepts Ansible's older alias; as in Ansible's ssh
 * connection plugin, when both are set the one listed last here wins.
 */
final class ConnectionResolver {
  private static final ImmutableList<String> HOST = ImmutableList.of("ansible_host", "ansible_ssh_host");
  private static final ImmutableList<String> PORT = ImmutableList.of("ansible_port", "ansible_ssh_port");
  private static final ImmutableList<String> USER = ImmutableList.of("ansible_user", "ansible_ssh_user");
  private static final ImmutableList<String> KEY =
      ImmutableList.of("ansible_private_key_file", "ansible_ssh_private_key_file");
  private static final ImmutableList<String> BECOME = ImmutableList.of("ansible_become");
  private static final ImmutableList<String> COMMON_ARGS = ImmutableList.of("ansible_ssh_common_args");
  // Ansible's boolean(): these strings, case-insensitive; 1.0 and 0.0 come from Python literals.
  private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t", "1.0");
  private static final Set<String> FALSE = Set.of("n", "no", "off", "0", "false", "f", "0.0");

  /** One connection variable as set for a host: which name carried it and where. */
  private record Setting(String name, SourcedValue source) {
    String value() {
      return source.value();
    }
  }

  private final String file;
  private final Path inventoryDirectory;

  ConnectionResolver(String file, Path inventoryDirectory) {
    this.file = file;
    this.inventoryDirectory = inventoryDirectory;
  }

  ConnectionSettings resolve(String hostName, Map<String, SourcedValue> vars) {
    String host = lookup(vars, HOST).map(s -> nonEmpty(hostName, s)).orElse(hostName);
    Optional<Integer> port = lookup(vars, PORT).map(s -> port(hostName, s));
    Optional<String> user = lookup(vars, USER).map(s -> nonEmpty(hostName, s));
    Optional<Path> key = lookup(vars, KEY).map(s -> keyFile(hostName, s));
    boolean become = lookup(vars, BECOME).map(s -> bool(hostName, s)).orElse(false);
    rejectUnsupportedBecome(hostName, vars);
    Optional<String> proxyJump = lookup(vars, COMMON_ARGS).flatMap(s -> proxyJump(hostName, s));
    return new ConnectionSettings(host, port, user, key, become, proxyJump);
  }

  private Optional<String> proxyJump(String hostName, Setting setting) {
    try {
      SshCommonArgs args = SshCommonArgs.parse(setting.value());
      if (args.configFile().isPresent()) {
        throw new IllegalArgumentException("-F is not taken per host: name the file in ansible.cfg's ssh_args or"
            + " with --ssh-config");
      }
      return args.proxyJump();
    } catch (IllegalArgumentException e) {
      throw invalid(hostName, setting, e.getMessage());
    }
  }

  /**
   * Become is sudo to root without a password ({@code sudo -n}): any other become setting would be
   * silently ignored, and the run would do as root what the inventory meant to do as someone else.
   */
  private void rejectUnsupportedBecome(String hostName, Map<String, SourcedValue> vars) {
    vars.forEach((name, value) -> {
      if (!name.startsWith("ansible_become_") && !name.startsWith("ansible_sudo")) {
        return;
      }
      Setting setting = new Setting(name, value);
      String text = value.value().strip();
      boolean user = name.equals("ansible_become_user");
      boolean method = name.equals("ansible_become_method");
      if ((user && text.equals("root")) || (method && text.equals("sudo"))) {
        return;
      }
      throw invalid(hostName, setting, user || method
          ? "'" + text + "' is not supported: reconcile becomes root with sudo"
              + " (ansible_become_user=root, ansible_become_method=sudo)"
          : "is not supported: reconcile becomes root with passwordless sudo (sudo -n) and no other become settings");
    });
  }

  private static Optional<Setting> lookup(Map<String, SourcedValue> vars, ImmutableList<String> names) {
    Setting found = null;
    for (String name : names) {
      SourcedValue value = vars.get(name);
      if (value != null) {
        found = new Setting(name, value);
      }
    }
    return Optional.ofNullable(found);
  }

  private String nonEmpty(String hostName, Setting setting) {
    if (setting.value().isBlank()) {
      throw invalid(hostName, setting, "is empty");
    }
    return setting.value().strip();
  }

  private int port(String hostName, Setting setting) {
    String text = setting.value().strip();
    if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
      throw invalid(hostName, setting, "'" + setting.value() + "' is not a port number: expected 1-65535");
    }
    return Integer.parseInt(text);
  }

  private Path keyFile(String hostName, Setting setting) {
    String text = nonEmpty(hostName, setting);
    if (text.equals("~") || text.startsWith("~/")) {
      text = System.getProperty("user.home") + text.substring(1);
    }
    try {
      return inventoryDirectory.resolve(text).normalize();
    } catch (InvalidPathException e) {
      throw invalid(hostName, setting, "'" + setting.value() + "' is not a valid path");
    }
  }

  private boolean bool(String hostName, Setting setting) {
    String text = setting.value().strip().toLowerCase(Locale.ROOT);
    if (TRUE.contains(text)) {
      return true;
    }
    if (FALSE.contains(text)) {
      return false;
    }
    throw invalid(hostName, setting, "'" + setting.value() + "' is not a boolean: expected yes/no, true/false, on/off or 1/0");
  }

  private InvalidInputException invalid(String hostName, Setting setting, String problem) {
    return new InvalidInputException(file, setting.source().line(),
        "host '" + hostName + "': " + setting.name() + " " + problem);
  }
}
