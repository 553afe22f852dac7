package io.reconcile.fleet;

/** A Synnefo host role; also the inventory group and the image name of its hosts. */
public enum Role {
  ASTAKOS,
  CYCLADES,
  PITHOS,
  GANETI;

  /** Inventory group and host-name prefix: "astakos", "cyclades", ... */
  public String group() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The locally built image of this role at a release (built by src/fleet/build-images.sh, never pulled). */
  public String image(Release release) {
    return FleetImages.image(group(), release.tag());
  }
}
