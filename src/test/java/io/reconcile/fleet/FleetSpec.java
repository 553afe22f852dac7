package io.reconcile.fleet;

import com.google.common.collect.ImmutableList;

/**
 * What a fleet consists of: one astakos host (which also runs the database) plus the given number of
 * cyclades, pithos and ganeti hosts, all at one release, and the size and seed of the generated data.
 */
public record FleetSpec(Release release, int ganeti, int cyclades, int pithos, int users, long seed) {
  public static final int DEFAULT_USERS = 500;
  public static final long DEFAULT_SEED = 1;
  /** fleet-seed-db needs room for its duplicate pairs and special cases. */
  public static final int MIN_USERS = 10;

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
    return new FleetSpec(release, n, cyclades, pithos, users, seed);
  }

  public FleetSpec withCyclades(int n) {
    return new FleetSpec(release, ganeti, n, pithos, users, seed);
  }

  public FleetSpec withPithos(int n) {
    return new FleetSpec(release, ganeti, cyclades, n, users, seed);
  }

  public FleetSpec withUsers(int n) {
    return new FleetSpec(release, ganeti, cyclades, pithos, n, seed);
  }

  public FleetSpec withSeed(long s) {
    return new FleetSpec(release, ganeti, cyclades, pithos, users, s);
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

  /** The images its hosts run, one per role present. */
  public ImmutableList<String> images() {
    return hosts().stream().map(h -> h.role().image(release)).distinct().collect(ImmutableList.toImmutableList());
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
