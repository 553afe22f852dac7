package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.reconcile.ssh.ProxyCommandJump;
import java.util.Locale;
import java.util.Optional;

/**
 * The part of ssh arguments that reconcile acts on, as Ansible passes them to ssh
 * ({@code ansible_ssh_common_args}, ansible.cfg's {@code ssh_args} and {@code ssh_common_args}): the
 * bastion, as Ansible's guide writes it ({@code -o ProxyJump=HOP}, {@code -J HOP}, or
 * {@code -o ProxyCommand="ssh -W %h:%p -q HOP"}), and the client configuration file of {@code -F FILE}.
 * Options that only shape OpenSSH's own connection sharing and compression are ignored (reconcile keeps one
 * session per host anyway); any other option is refused, so that nothing an operator set is silently
 * dropped.
 *
 * @param proxyJump the bastions ({@code user@host:port}, comma-separated)
 * @param configFile the file of {@code -F}
 */
public record SshCommonArgs(Optional<String> proxyJump, Optional<String> configFile) {
  private static final ImmutableSet<String> IGNORED = ImmutableSet.of("controlmaster", "controlpersist", "controlpath");
  private static final String TAKES = "reconcile takes -J HOP, -o ProxyJump=HOP, -o ProxyCommand='ssh -W %h:%p HOP'"
      + " and -F FILE (other ssh options belong in the ssh client configuration, see --ssh-config)";

  /** @throws IllegalArgumentException naming the argument reconcile does not take */
  public static SshCommonArgs parse(String args) {
    ImmutableList<String> words = ShellWords.split(args);
    Optional<String> jump = Optional.empty();
    Optional<String> file = Optional.empty();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if ((word.equals("-J") || word.equals("-F")) && i + 1 < words.size()) {
        String value = words.get(++i);
        jump = word.equals("-J") ? Optional.of(value) : jump;
        file = word.equals("-F") ? Optional.of(value) : file;
      } else if (word.startsWith("-J") && word.length() > 2) {
        jump = Optional.of(word.substring(2));
      } else if (word.startsWith("-o") && (word.length() > 2 || i + 1 < words.size())) {
        Optional<String> hop = option(word.length() > 2 ? word.substring(2) : words.get(++i));
        jump = hop.isPresent() ? hop : jump;
      } else if (!word.equals("-C")) {
        throw new IllegalArgumentException("'" + word + "' is not supported: " + TAKES);
      }
    }
    return new SshCommonArgs(jump, file);
  }

  /** One {@code -o Key=Value} (or {@code Key Value}): the bastion it names, empty for an ignored option. */
  private static Optional<String> option(String option) {
    String[] parts = option.split("[=\\s]", 2);
    String key = parts[0].toLowerCase(Locale.ROOT);
    String value = parts.length > 1 ? parts[1].strip() : "";
    if (IGNORED.contains(key)) {
      return Optional.empty();
    }
    if (key.equals("proxyjump") && !value.isEmpty()) {
      return Optional.of(value);
    }
    if (key.equals("proxycommand")) {
      return Optional.of(ProxyCommandJump.hopOf(ShellWords.split(value)).orElseThrow(() -> new IllegalArgumentException(
          "ProxyCommand '" + value + "' is not supported: reconcile takes ProxyCommand in its form "
              + ProxyCommandJump.EXPECTED)));
    }
    throw new IllegalArgumentException("-o " + option + " is not supported: " + TAKES);
  }
}
