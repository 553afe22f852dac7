package io.reconcile.host;

import java.util.Optional;

/** A package as dpkg sees it: the installed version, if installed. */
public record PackageFact(String name, Optional<String> installedVersion) {
  public String describe() {
    return installedVersion.orElse("absent");
  }
}
