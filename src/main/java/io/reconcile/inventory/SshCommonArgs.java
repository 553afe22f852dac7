package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.reconcile.ssh.ProxyCommandJump;
import java.util.Locale;
import java.util.Optional;

/**
 * The part of {@code ansible_ssh_common_args} that reconcile acts on: the bastion, as Ansible's guide
 * writes it ({@code -o ProxyJump=HOP}, {@code -J HOP}, or {@code -o ProxyCommand="ssh -W %h:%p -q HOP"}).
 * Options that only shape OpenSSH's own connection sharing are ignored (reconcile keeps one session per
 * host anyway); any other option is refused, so that nothing an operator set is silently dropped.
 */
final class SshCommonArgs {
  private static final ImmutableSet<String> IGNORED = ImmutableSet.of("controlmaster", "controlpersist", "controlpath");

  private SshCommonArgs() {}

  /** The ProxyJump value the arguments give, if any ({@code user@host:port}, comma-separated). */
  static Optional<String> proxyJump(String args) {
    ImmutableList<String> words = ShellWords.split(args);
    Optional<String> jump = Optional.empty();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("-J") && i + 1 < words.size()) {
        jump = Optional.of(words.get(++i));
      } else if (word.startsWith("-J") && word.length() > 2) {
        jump = Optional.of(word.substring(2));
      } else if (word.startsWith("-o") && (word.length() > 2 || i + 1 < words.size())) {
        Optional<String> hop = option(word.length() > 2 ? word.substring(2) : words.get(++i));
        jump = hop.isPresent() ? hop : jump;
      } else {
        throw new InventorySyntaxException("ansible_ssh_common_args: '" + word + "' is not supported by reconcile;"
            + " it takes -J HOP, -o ProxyJump=HOP or -o ProxyCommand='ssh -W %h:%p HOP' (other ssh options belong"
            + " in the ssh client configuration, see --ssh-config)");
      }
    }
    return jump;
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
      return Optional.of(ProxyCommandJump.hopOf(ShellWords.split(value)).orElseThrow(() -> new InventorySyntaxException(
          "ansible_ssh_common_args: ProxyCommand '" + value + "' is not supported: reconcile takes ProxyCommand in its"
              + " form " + ProxyCommandJump.EXPECTED)));
    }
    throw new InventorySyntaxException("ansible_ssh_common_args: -o " + option + " is not supported by reconcile;"
        + " it takes -o ProxyJump=HOP or -o ProxyCommand='ssh -W %h:%p HOP' (other ssh options belong in the ssh"
        + " client configuration, see --ssh-config)");
  }
}
