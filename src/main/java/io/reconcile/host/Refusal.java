package io.reconcile.host;

import java.util.Objects;

/**
 * Why a host cannot be brought to what is declared (a line in a file that does not exist): apply fails the
 * resource with it and runs nothing for it.
 */
public record Refusal(String reason) {
  public Refusal {
    Objects.requireNonNull(reason, "reason");
  }
}
