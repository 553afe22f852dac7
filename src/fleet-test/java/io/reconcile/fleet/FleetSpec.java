package io.reconcile.fleet;

import com.google.common.collect.ImmutableList;

/**
 * What a fleet consists of: one astakos host (which also runs the database) plus the given number of
 * cyclades, pithos and ganeti hosts, all at one release, and the size and seed of the generated data.
 * With {@code bastion}, the hosts publish no port: they are reached only through one more host,
 * {@value #BASTION}, the only one with a port on 127.0.0.1 (ssh's ProxyJump, as an operator's fleet
 * behind a jump host).
 */
public record FleetSpec(Release release, int ganeti, int cyclades, int pithos, int users, long seed, boolean bastion) {
  /** The name of the bastion host of a {@link #bastion()} fleet. */
  public static final String BASTION = "bastion1";

  public static final int DEFAULT_USERS = 500;
  public static final long DEFAULT_SEED = 1;
  /** fleet-seed-db needs room for its duplicate pairs and special cases. */
  public static final int MIN_USERS = 10;

  public FleetSpec(Release release, int ganeti, int cyclades, int pithos, int users, long seed) {
    this(release, ganeti, cyclades, pithos, users, seed, false);
  }

  public FleetSpec {
    if (release == null) {
      throw new IllegalArgumentException("release is required");
    }
    requireNonNegative("ganeti", ganeti);
    requireNonNegative("cyclades", cyclades);
    requireNonNegative("pithos", pithos);
    if (users < MIN_USERS) {
      throw new IllegalArgumentException("users must be at least " + MIN_USERS + ", got " + users);
    }
  }

  /** One host of each role (astakos, cyclades, pithos, ganeti), 500 users, seed 1. */
  public static FleetSpec of(Release release) {
    return new FleetSpec(release, 1, 1, 1, DEFAULT_USERS, DEFAULT_SEED);
  }

  public FleetSpec withGaneti(int n) {
    return new FleetSpec(release, n, cyclades, pithos, users, seed, bastion);
  }

  public FleetSpec withCyclades(int n) {
    return new FleetSpec(release, ganeti, n, pithos, users, seed, bastion);
  }

  public FleetSpec withPithos(int n) {
    return new FleetSpec(release, ganeti, cyclades, n, users, seed, bastion);
  }

  public FleetSpec withUsers(int n) {
    return new FleetSpec(release, ganeti, cyclades, pithos, n, seed, bastion);
  }

  public FleetSpec withSeed(long s) {
    return new FleetSpec(release, ganeti, cyclades, pithos, users, s, bastion);
  }

  /** The hosts behind a bastion host (or not). */
  public FleetSpec withBastion(boolean behindBastion) {
    return new FleetSpec(release, ganeti, cyclades, pithos, users, seed, behindBastion);
  }

  /** The image of the bastion host: the fleet's plain Debian base with sshd, no Synnefo. */
  public static String bastionImage() {
    return FleetImages.image("base", "bookworm");
  }

  /** Host names and roles in inventory order: astakos1, cyclades1.., pithos1.., ganeti1.. */
  public ImmutableList<HostSpec> hosts() {
    ImmutableList.Builder<HostSpec> hosts = ImmutableList.builder();
    hosts.add(new HostSpec(Role.ASTAKOS.group() + 1, Role.ASTAKOS));
    addHosts(hosts, Role.CYCLADES, cyclades);
    addHosts(hosts, Role.PITHOS, pithos);
    addHosts(hosts, Role.GANETI, ganeti);
    return hosts.build();
  }

  /** The images its hosts run, one per role present (and the bastion's). */
  public ImmutableList<String> images() {
    ImmutableList.Builder<String> images = ImmutableList.builder();
    images.addAll(hosts().stream().map(h -> h.role().image(release)).distinct().toList());
    if (bastion) {
      images.add(bastionImage());
    }
    return images.build();
  }

  /** One planned host: its inventory name and role. */
  public record HostSpec(String name, Role role) {}

  private static void addHosts(ImmutableList.Builder<HostSpec> hosts, Role role, int count) {
    for (int i = 1; i <= count; i++) {
      hosts.add(new HostSpec(role.group() + i, role));
    }
  }

  private static void requireNonNegative(String what, int n) {
    if (n < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + n);
    }
  }
}
