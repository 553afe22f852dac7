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
    for (String word : words.subList(1, words.size())) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new InventorySyntaxException("expected key=value host variable after the host name, got '" + word + "'");
      }
      vars.put(word.substring(0, eq), IniValue.of(word.substring(eq + 1)));
    }
    return new HostLine(HostRange.expand(address.pattern()), address.port(), ImmutableMap.copyOf(vars));
  }
}
