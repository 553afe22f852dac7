package io.reconcile.fleet;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A Synnefo release a fleet can be built at, with the Debian version its images carry. */
public enum Release {
  V0_12("0.12", "0.12.5-1"),
  V0_13("0.13", "0.13-1");

  private final String tag;
  private final String synnefoVersion;

  Release(String tag, String synnefoVersion) {
    this.tag = tag;
    this.synnefoVersion = synnefoVersion;
  }

  /** The short name used in image tags and on the command line: "0.12" or "0.13". */
  public String tag() {
    return tag;
  }

  /** Debian version of the Synnefo packages (snf-common, ...) installed at this release. */
  public String synnefoVersion() {
    return synnefoVersion;
  }

  public static Release parse(String tag) {
    return Arrays.stream(values())
        .filter(r -> r.tag.equals(tag))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown release '" + tag + "' (expected one of "
                + Arrays.stream(values()).map(Release::tag).collect(Collectors.joining(", ")) + ")"));
  }
}
