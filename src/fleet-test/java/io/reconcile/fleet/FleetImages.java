package io.reconcile.fleet;

import java.nio.file.Path;

/**
 * Where the fleet's locally built images and apt repository are found. The namespace
 * (RECONCILE_FLEET_IMAGES, default {@value #DEFAULT}) lets several checkouts with different src/fleet
 * sources keep images of their own; src/fleet/build-images.sh reads the same variable.
 */
public final class FleetImages {
  static final String DEFAULT = "reconcile-fleet";

  private FleetImages() {}

  /** The image repository prefix, e.g. "reconcile-fleet" in "reconcile-fleet/astakos:0.12". */
  public static String namespace() {
    String value = System.getProperty("RECONCILE_FLEET_IMAGES", System.getenv("RECONCILE_FLEET_IMAGES"));
    return value == null || value.isBlank() ? DEFAULT : value;
  }

  /** An image of this namespace, e.g. {@code image("astakos", "0.12")}. */
  public static String image(String name, String tag) {
    return namespace() + "/" + name + ":" + tag;
  }

  /** The symlink to the current apt repository: CACHE/repo, or CACHE/repo-SUFFIX for "reconcile-fleet-SUFFIX". */
  public static Path repositoryLink() {
    Path cache = Path.of(System.getenv().getOrDefault("RECONCILE_FLEET_CACHE", "/var/cache/reconcile-fleet"));
    String suffix = namespace().equals(DEFAULT) ? "" : "-" + namespace().replaceFirst("^" + DEFAULT + "-?", "");
    return cache.resolve("repo" + suffix).toAbsolutePath();
  }
}
