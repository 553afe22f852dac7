package io.reconcile.db;

import io.reconcile.db.engine.DatabaseSession;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.reconcile.db.quota.Quantities;
import io.reconcile.db.quotasinitial.InitialQuotaSpec;
import io.reconcile.db.quotaslimits.LimitsSpec;
import io.reconcile.db.quotasusage.UsageSpec;
import io.reconcile.db.servicesregistered.ServicesSpec;
import io.reconcile.db.servicesregistered.ServicesTest;
import io.reconcile.db.types.DatabaseTypes;
import io.reconcile.db.usersunique.SurvivorRule;
import io.reconcile.db.usersunique.UsersUniqueSpec;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetSpec;
import io.reconcile.fleet.Release;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.inventory.ConnectionSettings;
import io.reconcile.inventory.Inventory;
import io.reconcile.inventory.InventoryHost;
import io.reconcile.ssh.HostSession;
import io.reconcile.ssh.SshTarget;
import io.reconcile.ssh.SshTransport;
import io.reconcile.ssh.TransportOptions;
import io.reconcile.ssh.Tunnel;
import io.reconcile.state.Declaration;
import io.reconcile.state.Location;
import io.reconcile.state.ResourceId;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark (not a test): how long each database invariant's check takes on a fleet with many users, over
 * the real path (SSH session to astakos1, tunnel to db:5432, JDBC). Starts a fleet with only astakos1,
 * seeded by fleet-seed-db, checks 3 times; on 0.12 data then applies once and checks again.
 *
 * <pre>mvn -q test-compile && java -cp "target/fleet-test-classes:target/test-classes:target/classes:$(cat target/cp.txt)" \
 *     io.reconcile.db.DatabaseCheckBenchmark 100000 0.13</pre>
 * (target/cp.txt from {@code mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class DatabaseCheckBenchmark {
  private DatabaseCheckBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Release release = Release.parse(args.length > 1 ? args[1] : "0.13");
    FleetSpec spec = new FleetSpec(release, 0, 0, 0, users, FleetSpec.DEFAULT_SEED);
    long started = System.nanoTime();
    try (Fleet fleet = Fleet.up("db-bench-" + release.tag().replace('.', '-'), spec)) {
      System.out.printf(Locale.ROOT, "fleet %s: %d users, release %s, up and seeded in %.1f s%n", fleet.name(), users, release.tag(),
          seconds(started));
      System.out.println("database rows: " + fleet.psql(io.reconcile.fleet.FleetDatabase.ASTAKOS,
          "SELECT 'auth_user=' || (SELECT count(*) FROM auth_user) || ' im_resource=' || (SELECT count(*) FROM im_resource)"
              + " || ' holdings=' || (SELECT count(*) FROM quotaholder_app_holding)").strip());
      Inventory inventory = Inventory.parse(fleet.inventory());
      InventoryHost astakos = inventory.host("astakos1").orElseThrow();
      ConnectionSettings c = astakos.connection();
      try (SshTransport transport = SshTransport.create(TransportOptions.defaults().withKnownHosts(fleet.knownHosts()));
          HostSession ssh = transport.open(new SshTarget("astakos1", c.host(), c.port().orElseThrow(),
              c.user().orElseThrow(), c.privateKeyFile(), false));
          Forwards tunnels = new Forwards(ssh);
          DatabaseSession session = new DatabaseSession(tunnels::open, Files.createTempDirectory("db-bench-exports"), "bench")) {
        Map<String, Object> model = new HashMap<>(astakos.vars());
        model.put("inventory_hostname", "astakos1");
        List<InvariantResource<?>> invariants = invariants(model);
        for (int round = 1; round <= 3; round++) {
          check(session, invariants, "check " + round);
        }
        if (release == Release.V0_12) {
          for (InvariantResource<?> invariant : invariants) {
            long t = System.nanoTime();
            Optional<DatabasePlan> plan = invariant.plan(session);
            ApplyOutcome outcome = plan.map(p -> p.apply(session)).orElse(ApplyOutcome.success(ImmutableList.of()));
            System.out.printf(Locale.ROOT, "apply %-38s %6.2f s  %s%n", invariant.declaration().id(), seconds(t),
                outcome.done() ? "done" : "FAILED: " + outcome.error().orElse(""));
          }
          check(session, invariants, "check after apply");
        }
      }
    }
  }

  /** Port forwards through the SSH session, closed before it. */
  private record Forwards(HostSession ssh, List<Tunnel> open) implements AutoCloseable {
    Forwards(HostSession ssh) {
      this(ssh, new java.util.ArrayList<>());
    }

    int open(String host, int port) {
      try {
        Tunnel tunnel = ssh.forwardLocal(host, port);
        open.add(tunnel);
        return tunnel.localPort();
      } catch (io.reconcile.ssh.SshFailureException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      open.forEach(Tunnel::close);
    }
  }

  private static void check(DatabaseSession session, List<InvariantResource<?>> invariants, String what) {
    long all = System.nanoTime();
    for (InvariantResource<?> invariant : invariants) {
      long t = System.nanoTime();
      Optional<DatabasePlan> plan = invariant.plan(session);
      System.out.printf(Locale.ROOT, "%s %-38s %6.2f s  %s%n", what, invariant.declaration().id(), seconds(t),
          plan.map(p -> "drift: " + p.change().before()).orElse("ok"));
    }
    System.out.printf(Locale.ROOT, "%s total %.2f s%n", what, seconds(all));
  }

  private static List<InvariantResource<?>> invariants(Map<String, Object> model) {
    DatabaseVariables all = new DatabaseVariables("astakos", Optional.of("cyclades"), Optional.of("pithos"));
    DatabaseVariables astakos = new DatabaseVariables("astakos", Optional.empty(), Optional.empty());
    BigInteger gib = BigInteger.valueOf(1L << 30);
    List<InvariantSpec> specs = List.of(
        new UsersUniqueSpec("astakos", all, SurvivorRule.ACTIVE_THEN_OLDEST, ImmutableSet.of(), UsersUniqueSpec.Strategy.MERGE,
            UsersUniqueSpec.Strategy.DELETE),
        new ServicesSpec("astakos", astakos, ServicesTest.defaults()),
        new InitialQuotaSpec("astakos", new DatabaseVariables("astakos", Optional.empty(), Optional.of("pithos")),
            Optional.of(gib.multiply(BigInteger.valueOf(50))), Optional.of(Quantities.INFINITE), InitialQuotaSpec.Settings.none(),
            InitialQuotaSpec.Settings.none(), ImmutableSet.of()),
        new LimitsSpec("astakos", astakos),
        new UsageSpec("astakos", all));
    List<String> types = List.of("users-unique", "services-registered", "quotas-initial", "quotas-limits", "quotas-usage");
    ImmutableList.Builder<InvariantResource<?>> resources = ImmutableList.builder();
    for (int i = 0; i < specs.size(); i++) {
      Declaration declaration = new Declaration(new ResourceId(types.get(i), "astakos"), specs.get(i), "astakos1", ImmutableSet.of(),
          ImmutableList.of(), ImmutableList.of(), java.util.Optional.empty(), com.google.common.collect.ImmutableMap.of(), new Location("bench", i + 1));
      resources.add((InvariantResource<?>) DatabaseTypes.render(declaration, specs.get(i), model));
    }
    return resources.build();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
