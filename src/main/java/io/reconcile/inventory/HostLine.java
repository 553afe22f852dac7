package io.reconcile.inventory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a hosts section: {@code name-or-range[:port] [key=value ...] [# comment]}.
 * Several {@code key=value} pairs may follow the host; a repeated key keeps its last value.
 */
record HostLine(ImmutableList<String> names, Optional<Integer> port, ImmutableMap<String, String> vars) {

  static HostLine parse(String text) {
    ImmutableList<String> words = ShellWords.split(text);
    if (words.isEmpty() || words.get(0).isEmpty()) {
      throw new InventorySyntaxException("expected a host name at the start of the line");
    }
    HostAddress address = HostAddress.parse(words.get(0));
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new InventorySyntaxException(notAVariable(word, words.get(i - 1)));
      }
      vars.put(word.substring(0, eq), IniValue.of(word.substring(eq + 1)));
    }
    return new HostLine(HostRange.expand(address.pattern()), address.port(), ImmutableMap.copyOf(vars));
  }

  /**
   * After {@code key=} and a space, the word is the value the operator meant (and may be a password):
   * it is never repeated in the message.
   */
  private static String notAVariable(String word, String previous) {
    if (previous.endsWith("=") && previous.indexOf('=') == previous.length() - 1) {
      String key = previous.substring(0, previous.length() - 1);
      return "expected key=value host variable after the host name: '" + key + "=' is followed by a space, which ends"
          + " its value (empty), and then by a word without '=' (not shown); quote a value that has spaces";
    }
    return "expected key=value host variable after the host name, got '" + word + "'";
  }
}
