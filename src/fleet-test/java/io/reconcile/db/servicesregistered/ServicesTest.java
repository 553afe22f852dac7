package io.reconcile.db.servicesregistered;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.DatabasePlan;
import io.reconcile.db.engine.DatabaseRole;
import io.reconcile.db.engine.DatabaseSession;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.InvariantResource;
import io.reconcile.db.Rows;
import io.reconcile.db.TestDatabases;
import io.reconcile.db.types.InvariantDeclarations;
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
public class ServicesTest {
  static final BigInteger GIB = BigInteger.valueOf(1024L * 1024 * 1024);
  @TempDir Path exports;
  private TestDatabases db;

  /** The 0.13 default ASTAKOS_SERVICES (facts table), with descriptions as the guide has them. */
  public static ImmutableList<ServicesSpec.Service> defaults() {
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

  /** After the 0.13 migrations: the services the operator registered at 0.12.5 (no resources yet), the quotaholder's fixture. */
  @BeforeEach
  void setUp() {
    db = TestDatabases.get();
    db.reset();
    db.sql(DatabaseRole.ASTAKOS, new Rows().service(1, "cyclades").service(2, "pithos").sql());
  }

  private InvariantResource<?> services(ImmutableList<ServicesSpec.Service> declared) {
    return InvariantDeclarations.render("services-registered", "astakos",
        new ServicesSpec("astakos", new DatabaseVariables("astakos", Optional.empty(), Optional.empty()), declared));
  }

  private Optional<DatabasePlan> plan(ImmutableList<ServicesSpec.Service> declared) {
    try (DatabaseSession session = db.session(exports)) {
      return services(declared).plan(session);
    }
  }

  private ApplyOutcome apply(DatabasePlan plan) {
    try (DatabaseSession session = db.session(exports)) {
      return plan.apply(session);
    }
  }

  private static final String INFINITE = "quantity=10^32 capacity=10^32 import_limit=10^32 export_limit=10^32";

  @Test
  void afterTheMigrationsTheResourcesTheRenameAndTheServicesQuotaholderHoldingsAreMissing() {
    DatabasePlan plan = plan(defaults()).orElseThrow();

    assertThat(plan.change().before()).isEqualTo("15 registrations differ");
    assertThat(plan.change().diff().orElseThrow().lines()).containsExactly(
        "+ quotaholder entity cyclades owner=system key='1'",
        "+ quotaholder holding cyclades cyclades.cpu " + INFINITE,
        "+ resource cyclades.cpu group=compute unit=- uplimit=6 desc=\"Number of virtual machine processors\"",
        "+ quotaholder holding cyclades cyclades.disk " + INFINITE,
        "+ resource cyclades.disk group=compute unit=bytes uplimit=32212254720 desc=\"Virtual machine disk size\"",
        "+ quotaholder holding cyclades cyclades.network.private " + INFINITE,
        "+ resource cyclades.network.private group=network unit=- uplimit=1 desc=\"Private networks\"",
        "+ quotaholder holding cyclades cyclades.ram " + INFINITE,
        "+ resource cyclades.ram group=compute unit=bytes uplimit=6442450944 desc=\"Virtual machines\"",
        "+ quotaholder holding cyclades cyclades.vm " + INFINITE,
        "+ resource cyclades.vm group=compute unit=- uplimit=2 desc=\"Number of virtual machines\"",
        "+ quotaholder entity pithos+ owner=system key='1'",
        "- service pithos",
        "+ service pithos+",
        "+ quotaholder holding pithos+ pithos+.diskspace " + INFINITE,
        "+ resource pithos+.diskspace group=storage unit=bytes uplimit=5368709120 desc=\"Pithos account diskspace\"");
  }

  @Test
  void applyRegistersWhatAstakosInitWouldThenHoldsAndTheExportUndoesIt() {
    List<String> before = db.dump(DatabaseRole.ASTAKOS);

    ApplyOutcome outcome = apply(plan(defaults()).orElseThrow());

    assertThat(outcome.error()).isEmpty();
    assertThat(plan(defaults())).isEmpty();
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT s.name || '.' || r.name || ' ' || r.uplimit FROM im_resource r"
        + " JOIN im_service s ON s.id = r.service_id ORDER BY 1")).containsExactly(
        "cyclades.cpu 6", "cyclades.disk 32212254720", "cyclades.network.private 1", "cyclades.ram 6442450944", "cyclades.vm 2",
        "pithos+.diskspace 5368709120");
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT id || ' ' || name FROM im_service ORDER BY id")).containsExactly("1 cyclades", "2 pithos+");
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT entity || ' ' || owner_id || ' [' || key || ']' FROM quotaholder_app_entity ORDER BY 1"))
        .containsExactly("cyclades system [1]", "pithos+ system [1]", "system system []");
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT h.entity_id || ' ' || h.resource || ' ' || p.quantity || ' ' || p.capacity || ' '"
        + " || p.import_limit || ' ' || p.export_limit || ' ' || h.imported FROM quotaholder_app_holding h"
        + " JOIN quotaholder_app_policy p ON p.policy = h.policy_id WHERE h.resource = 'pithos+.diskspace'"))
        .containsExactly("pithos+ pithos+.diskspace " + Rows.INF + " " + Rows.INF + " " + Rows.INF + " " + Rows.INF + " 0");
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT count(*) FROM quotaholder_app_holding")).containsExactly("6");
    assertThat(db.psqlFile(DatabaseRole.ASTAKOS, Path.of(outcome.backups().get(0))).getExitCode()).isZero();
    assertThat(db.dump(DatabaseRole.ASTAKOS)).isEqualTo(before);
  }

  @Test
  void aSystemKeyOtherThanTheFixturesAndAServiceHoldingWithALimitAreCorrected() {
    db.sql(DatabaseRole.ASTAKOS, new Rows().entity("cyclades").policy("limited", "0", "5", Rows.INF, Rows.INF)
        .holding("cyclades", "cyclades.vm", "limited", java.math.BigInteger.ZERO).sql()
        + "UPDATE quotaholder_app_entity SET key = '1' WHERE entity = 'system';");
    ImmutableList<ServicesSpec.Service> cyclades = ImmutableList.of(new ServicesSpec.Service("cyclades", Optional.empty(),
        Optional.empty(), Optional.empty(), ImmutableList.of(resource("vm", "compute", BigInteger.TWO, null, "Number of virtual machines"))));
    assertThat(plan(cyclades).orElseThrow().change().diff().orElseThrow().lines()).contains(
        "- quotaholder entity system owner=system key='1'", "+ quotaholder entity system owner=system key=''",
        "- quotaholder holding cyclades cyclades.vm quantity=0 capacity=5 import_limit=10^32 export_limit=10^32",
        "+ quotaholder holding cyclades cyclades.vm " + INFINITE);

    assertThat(apply(plan(cyclades).orElseThrow()).error()).isEmpty();

    assertThat(plan(cyclades)).isEmpty();
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT policy FROM quotaholder_app_policy WHERE policy = 'limited'")).as("unused, deleted").isEmpty();
  }

  @Test
  void aServiceRegisteredUnderBothNamesIsRefused() {
    db.sql(DatabaseRole.ASTAKOS, new Rows().service(3, "pithos+").sql());

    DatabasePlan plan = plan(defaults()).orElseThrow();

    assertThat(plan.change().diff().orElseThrow())
        .startsWith("! both services pithos and pithos+ are registered; merge them by hand\n");
    assertThat(apply(plan).error().orElseThrow()).contains("merge them by hand");
  }

  @Test
  void aNewServiceNeedsAUrlADeclaredUrlAndOrderAreSetAndANewServiceGetsTheNextOrder() {
    ServicesSpec.Service kyklos = new ServicesSpec.Service("kyklos", Optional.empty(), Optional.empty(), Optional.empty(),
        ImmutableList.of(resource("widgets", "misc", BigInteger.TEN, null, "Widgets")));
    assertThat(plan(ImmutableList.of(kyklos)).orElseThrow().change().diff().orElseThrow()).startsWith("! service kyklos is not registered"
        + " and declares no url (im_service.url may not be empty, as with astakos-init); declare its url\n");

    ImmutableList<ServicesSpec.Service> declared = ImmutableList.of(
        new ServicesSpec.Service("cyclades", Optional.empty(), Optional.of("https://cyclades.example.org/ui/"), Optional.of(4),
            ImmutableList.of()),
        new ServicesSpec.Service("kyklos", Optional.empty(), Optional.of("https://kyklos.example.org/"), Optional.empty(),
            kyklos.resources()));
    assertThat(plan(declared).orElseThrow().change().diff().orElseThrow().lines()).contains(
        "- service cyclades url=https://cyclades.example.org/ order=1",
        "+ service cyclades url=https://cyclades.example.org/ui/ order=4",
        "+ service kyklos url=https://kyklos.example.org/",
        "+ resource kyklos.widgets group=misc unit=- uplimit=10 desc=\"Widgets\"");

    assertThat(apply(plan(declared).orElseThrow()).error()).isEmpty();

    assertThat(plan(declared)).isEmpty();
    assertThat(db.query(DatabaseRole.ASTAKOS, "SELECT name || ' ' || \"order\" FROM im_service ORDER BY id"))
        .containsExactly("cyclades 4", "pithos 2", "kyklos 5");
  }

  @Test
  void onThe0125SchemaNothingCanBeRegisteredYet() {
    db.reset012();
    db.sql(DatabaseRole.ASTAKOS, Rows.at012().service(1, "cyclades").service(2, "pithos").sql());

    DatabasePlan plan = plan(defaults()).orElseThrow();

    assertThat(plan.change().diff().orElseThrow()).isEqualTo("! the Astakos database has no im_resource yet (0.12.5 schema):"
        + " run snf-manage syncdb and migrate on the Astakos host (guide 3.2) first\n");
  }
}
