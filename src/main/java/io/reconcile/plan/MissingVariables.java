package io.reconcile.plan;

import io.reconcile.input.InvalidInputException;
import io.reconcile.template.MissingVariablesException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables templates need and hosts lack, gathered over every declaration and host so that one run
 * reports them all: each variable with the file:line that uses it and the hosts that lack it.
 */
final class MissingVariables {
  private final Map<MissingVariablesException.Missing, Set<String>> hostsByUse = new LinkedHashMap<>();

  void add(String host, MissingVariablesException e) {
    e.missing().forEach(m -> hostsByUse.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(host));
  }

  /**
   * @throws InvalidInputException at the first use, listing every other use on a line of its own:
   *     {@code FILE:LINE: undefined variable 'NAME' for hosts A, B}
   */
  void throwIfAny() {
    if (hostsByUse.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    hostsByUse.forEach((use, hosts) -> lines.add(use.file() + ":" + use.line() + ": " + describe(use, hosts)));
    MissingVariablesException.Missing first = hostsByUse.keySet().iterator().next();
    String rest = String.join("\n  ", lines.subList(1, lines.size()));
    throw new InvalidInputException(first.file(), first.line(), describe(first, hostsByUse.get(first))
        + (rest.isEmpty() ? "" : "\n  " + rest + "\n  (" + lines.size() + " undefined variables)"));
  }

  private static String describe(MissingVariablesException.Missing use, Set<String> hosts) {
    return "undefined variable '" + use.variable() + "' for " + (hosts.size() == 1 ? "host " : "hosts ")
        + String.join(", ", hosts);
  }
}
