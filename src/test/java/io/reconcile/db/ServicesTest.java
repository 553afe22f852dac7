package io.reconcile.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.ApplyOutcome;
import io.reconcile.testing.RequiresDocker;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** services-registered against real PostgreSQL: the 0.12 registry becomes the 0.13 ASTAKOS_SERVICES. */
@RequiresDocker
class ServicesTest {
  static final BigInteger GIB = BigInteger.valueOf(1024L * 1024 * 1024);
  @TempDir Path exports;
  private TestDatabases db;

  /** The 0.13 default ASTAKOS_SERVICES (facts table), with descriptions as the guide has them. */
  static ImmutableList<ServicesSpec.Service> defaults() {
    return ImmutableList.of(
        new ServicesSpec.Service("cyclades", Optional.empty(), Optional.empty(), Optional.empty(), ImmutableList.of(
            resource("disk", "compute", GIB.multiply(BigInteger.valueOf(30)), "bytes", "Virtual machine disk size"),
            resource("cpu", "compute", BigInteger.valueOf(6), null, "Number of virtual machine processors"),
            resource("ram", "compute", GIB.multiply(BigInteger.valueOf(6)), "bytes", "Virtual machines"),
            resource("vm", "compute", BigInteger.TWO, null, "Number of virtual machines"),
            resource("network.private", "network", BigInteger.ONE, null, "Private networks"))),
        new ServicesSpec.Service("pithos+", Optional.of("pithos"), Optional.empty(), Optional.empty(), ImmutableList.of(
            resource("diskspace", "storage", GIB.multiply(BigInteger.valueOf(5)), "bytes", "Pithos account diskspace"))));
  }

  static ServicesSpec.Resource resource(String name, String group, BigInteger uplimit, String unit, String desc) {
    return new ServicesSpec.Resource(name, Optional.of(group), Optional.ofNullable(unit), uplimit, Optional.of(desc));
  }

  @BeforeEach
  void setUp() {
    db = TestDatabases.get();
    db.reset();
    db.sql(Db.ASTAKOS, new Rows().registry().sql()
        + "UPDATE im_resource SET \"desc\" = 'Number of virtual machines' WHERE name = 'vm';");
  }

  private InvariantResource<?> services(ImmutableList<ServicesSpec.Service> declared) {
    return TestDatabases.render("services-registered", "astakos",
        new ServicesSpec("astakos", new DatabaseNames("astakos", Optional.empty(), Optional.empty()), declared));
  }

  private Optional<DatabasePlan> plan(ImmutableList<ServicesSpec.Service> declared) {
    try (DatabaseSession session = db.session(exports)) {
      return services(declared).plan(session);
    }
  }

  @Test
  void theRegistryOf012DiffersInNamesLimitsAndMissingResources() {
    DatabasePlan plan = plan(defaults()).orElseThrow();

    assertThat(plan.change().before()).isEqualTo("6 registrations differ");
    assertThat(plan.change().diff().orElseThrow().lines()).containsExactly(
        "+ resource cyclades.cpu group=compute unit=- uplimit=6 desc=\"Number of virtual machine processors\"",
        "+ resource cyclades.disk group=compute unit=bytes uplimit=32212254720 desc=\"Virtual machine disk size\"",
        "- resource cyclades.network.private group=network unit=- uplimit=1 desc=-",
        "+ resource cyclades.network.private group=network unit=- uplimit=1 desc=\"Private networks\"",
        "+ resource cyclades.ram group=compute unit=bytes uplimit=6442450944 desc=\"Virtual machines\"",
        "- service pithos",
        "+ service pithos+",
        "- resource pithos+.diskspace group=storage unit=bytes uplimit=5368709120 desc=-",
        "+ resource pithos+.diskspace group=storage unit=bytes uplimit=5368709120 desc=\"Pithos account diskspace\"");
  }

  @Test
  void applyRenamesAddsAndUpdatesThenHoldsAndTheExportUndoesIt() {
    List<String> before = db.dump(Db.ASTAKOS);

    ApplyOutcome outcome;
    try (DatabaseSession session = db.session(exports)) {
      outcome = plan(defaults()).orElseThrow().apply(session);
    }

    assertThat(outcome.error()).isEmpty();
    assertThat(plan(defaults())).isEmpty();
    assertThat(db.query(Db.ASTAKOS, "SELECT s.name || '.' || r.name || ' ' || r.uplimit FROM im_resource r"
        + " JOIN im_service s ON s.id = r.service_id ORDER BY 1")).containsExactly(
        "cyclades.cpu 6", "cyclades.disk 32212254720", "cyclades.network.private 1", "cyclades.ram 6442450944", "cyclades.vm 2",
        "pithos+.diskspace 5368709120");
    assertThat(db.query(Db.ASTAKOS, "SELECT id || ' ' || name FROM im_service ORDER BY id")).containsExactly("1 cyclades", "2 pithos+");
    assertThat(db.psqlFile(Db.ASTAKOS, Path.of(outcome.backups().get(0))).getExitCode()).isZero();
    assertThat(db.dump(Db.ASTAKOS)).isEqualTo(before);
  }

  @Test
  void aServiceRegisteredUnderBothNamesIsRefused() {
    db.sql(Db.ASTAKOS, new Rows().service(3, "pithos+").sql());

    DatabasePlan plan = plan(defaults()).orElseThrow();

    assertThat(plan.change().diff().orElseThrow())
        .startsWith("! both services pithos and pithos+ are registered; merge them by hand\n");
    try (DatabaseSession session = db.session(exports)) {
      assertThat(plan.apply(session).error().orElseThrow()).contains("merge them by hand");
    }
  }

  @Test
  void aDeclaredUrlAndOrderAreSetAndANewServiceGetsTheNextOrder() {
    ImmutableList<ServicesSpec.Service> declared = ImmutableList.of(
        new ServicesSpec.Service("cyclades", Optional.empty(), Optional.of("https://cyclades.example.org/ui/"), Optional.of(4),
            ImmutableList.of()),
        new ServicesSpec.Service("kyklos", Optional.empty(), Optional.empty(), Optional.empty(),
            ImmutableList.of(resource("widgets", "misc", BigInteger.TEN, null, "Widgets"))));
    assertThat(plan(declared).orElseThrow().change().diff().orElseThrow().lines()).containsExactly(
        "- service cyclades url=- order=1",
        "+ service cyclades url=https://cyclades.example.org/ui/ order=4",
        "+ service kyklos",
        "+ resource kyklos.widgets group=misc unit=- uplimit=10 desc=\"Widgets\"");

    try (DatabaseSession session = db.session(exports)) {
      assertThat(plan(declared).orElseThrow().apply(session).error()).isEmpty();
    }

    assertThat(plan(declared)).isEmpty();
    assertThat(db.query(Db.ASTAKOS, "SELECT name || ' ' || \"order\" FROM im_service ORDER BY id"))
        .containsExactly("cyclades 4", "pithos 2", "kyklos 5");
  }
}
