package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.CommandResult;
import io.reconcile.testing.FleetTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A project grant given the way Astakos 0.13 gives it (docs/testing.md, "Fidelity"): an application submitted
 * (rows as the web form writes them), {@code project-control --approve}, a membership accepted, and
 * sync_projects pushing the member's quota to the quotaholder over HTTP with add_quota; then a modification,
 * a denial, a termination and a sync that fails after the action was committed.
 */
@FleetTest(release = "0.13", cyclades = 0, pithos = 0, ganeti = 0, users = 100)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectControlFleetTest {
  private static final String NAME = "fleet-grant.example.org";
  private Fleet fleet;
  private AstakosHttp.User user;
  private String userId;
  private long vmCapacityBefore;
  private String chain;
  private String application;
  private String modification;

  @BeforeAll
  void user(Fleet fleet) {
    this.fleet = fleet;
    user = AstakosHttp.userWithEntity(fleet, "project-user-token-2b7e");
    userId = sql("SELECT user_ptr_id FROM im_astakosuser WHERE uuid = '" + user.uuid() + "'");
    // A first sync settles what the seed left pending (project 2's members moving to its new application).
    CommandResult settle = projectControl("--check-expired");
    assertThat(settle.exitStatus()).as(settle.stderrText()).isZero();
    assertThat(sql("SELECT count(*) FROM im_projectmembership WHERE is_pending")).isEqualTo("0");
    vmCapacityBefore = vmCapacity();
    chain = sql("INSERT INTO im_chain DEFAULT VALUES RETURNING chain");
    application = submit(null, 3);
  }

  private String sql(String statement) {
    return fleet.psql(FleetDatabase.ASTAKOS, statement).strip().lines().findFirst().orElse("");
  }

  /** A pending application of the chain with a cyclades.vm member grant, as the web form stores one. */
  private String submit(String precursor, int vms) {
    String id = sql("INSERT INTO im_projectapplication (applicant_id, state, owner_id, chain, precursor_application_id,"
        + " name, homepage, description, start_date, end_date, member_join_policy, member_leave_policy, issue_date)"
        + " VALUES (" + userId + ", 0, " + userId + ", " + chain + ", " + precursor + ", '" + NAME + "', NULL, NULL, now(),"
        + " '2099-01-01', 1, 1, now()) RETURNING id");
    sql("INSERT INTO im_projectresourcegrant (resource_id, project_application_id, project_capacity, project_import_limit,"
        + " project_export_limit, member_capacity, member_import_limit, member_export_limit) SELECT r.id, " + id
        + ", 1e32, 1e32, 1e32, " + vms + ", 1e32, 1e32 FROM im_resource r JOIN im_service s ON s.id = r.service_id"
        + " WHERE s.name = 'cyclades' AND r.name = 'vm'");
    return id;
  }

  private long vmCapacity() {
    return Long.parseLong(sql("SELECT p.capacity FROM quotaholder_app_holding h JOIN quotaholder_app_policy p"
        + " ON p.policy = h.policy_id WHERE h.entity_id = '" + user.uuid() + "' AND h.resource = 'cyclades.vm'"));
  }

  private String membership() {
    return sql("SELECT state, is_active, is_pending, coalesce(application_id::text, '-'),"
        + " coalesce(pending_application_id::text, '-'), coalesce(pending_serial::text, '-')"
        + " FROM im_projectmembership WHERE person_id = " + userId + " AND project_id = " + chain);
  }

  private CommandResult projectControl(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "project-control";
    System.arraycopy(args, 0, command, 1, args.length);
    return SnfManage.run(fleet, "astakos1", command);
  }

  @Test
  @Order(1)
  void approvingCreatesTheProjectAndTheAcceptedMembersSyncGivesTheGrant() {
    CommandResult approve = projectControl("--approve", application);

    assertThat(approve.exitStatus()).as(approve.stderrText()).isZero();
    assertThat(sql("SELECT state, is_active, is_modified, application_id, name FROM im_project WHERE id = " + chain))
        .isEqualTo("1|t|f|" + application + "|" + NAME);
    assertThat(sql("SELECT state, response_date IS NOT NULL FROM im_projectapplication WHERE id = " + application))
        .isEqualTo("1|t");
    assertThat(vmCapacity()).isEqualTo(vmCapacityBefore);

    // The owner accepts the user's join request (ProjectMembership.accept): ACCEPTED, pending sync.
    sql("INSERT INTO im_projectmembership (person_id, request_date, project_id, state, is_pending, is_active,"
        + " acceptance_date) VALUES (" + userId + ", now(), " + chain + ", 1, true, false, now()) RETURNING id");
    CommandResult sync = projectControl("--check-expired");

    assertThat(sync.exitStatus()).as(sync.stderrText()).isZero();
    assertThat(membership()).isEqualTo("1|t|f|" + application + "|-|-");
    assertThat(vmCapacity()).isEqualTo(vmCapacityBefore + 3);
    assertThat(sql("SELECT count(*) FROM quotaholder_app_callserial WHERE clientkey = 'astakos'"))
        .as("serials acked").isEqualTo("0");
    CommandResult verify = fleet.exec("astakos1", "snf-manage", "astakos-quota", "--verify");
    assertThat(verify.stdoutText()).as("effective quotas equal the quotaholder's").doesNotContain(user.uuid());
  }

  @Test
  @Order(2)
  void approvingAModificationMovesTheMembersToTheNewApplication() {
    modification = submit(application, 5);

    CommandResult approve = projectControl("--approve", modification);

    assertThat(approve.exitStatus()).as(approve.stderrText()).isZero();
    assertThat(sql("SELECT application_id, is_modified FROM im_project WHERE id = " + chain))
        .isEqualTo(modification + "|f");
    assertThat(membership()).isEqualTo("1|t|f|" + modification + "|-|-");
    assertThat(vmCapacity()).isEqualTo(vmCapacityBefore + 5);
  }

  @Test
  @Order(3)
  void applicationsThatAreNotPendingOrDoNotExistAreRefused() {
    CommandResult again = projectControl("--approve", application);
    CommandResult missing = projectControl("--approve", "999999");
    String denied = submit(modification, 9);
    CommandResult deny = projectControl("--deny", denied, "-m", "not now");
    CommandResult denyAgain = projectControl("--deny", denied);

    assertThat(again.exitStatus()).isEqualTo(1);
    assertThat(again.stderrText()).isEqualTo("Error: Cannot approve application " + application + " in state 'Approved'\n");
    assertThat(missing.stderrText()).isEqualTo("Error: There is no project application identified by 999999.\n");
    assertThat(deny.exitStatus()).as(deny.stderrText()).isZero();
    assertThat(sql("SELECT state, response FROM im_projectapplication WHERE id = " + denied)).isEqualTo("3|not now");
    assertThat(denyAgain.stderrText()).isEqualTo("Error: Cannot deny application " + denied + " in state 'Denied'\n");
    assertThat(vmCapacity()).isEqualTo(vmCapacityBefore + 5);
  }

  @Test
  @Order(4)
  void terminatingTakesTheGrantBackAndDeactivatesTheProject() {
    CommandResult terminate = projectControl("--terminate", chain);
    CommandResult again = projectControl("--terminate", chain);

    assertThat(terminate.exitStatus()).as(terminate.stderrText()).isZero();
    assertThat(sql("SELECT state, is_active, name IS NULL, deactivation_reason FROM im_project WHERE id = " + chain))
        .isEqualTo("100|f|t|TERMINATED");
    assertThat(membership()).isEqualTo("100|f|f|-|-|-");
    assertThat(vmCapacity()).isEqualTo(vmCapacityBefore);
    // 'Project %(id)s is not alive.' % project.__dict__: the dict has id_id, not id.
    assertThat(again.exitStatus()).isEqualTo(1);
    assertThat(again.stderrText()).isEqualTo("Error: 'id'\n");
  }

  @Test
  @Order(5)
  void aSyncThatFailsAfterTheActionLeavesTheActionCommittedAndEndsInATraceback() {
    chain = sql("INSERT INTO im_chain DEFAULT VALUES RETURNING chain");
    String other = submit(null, 1);
    fleet.run("astakos1", "sh", "-c", "echo \"ASTAKOS_QUOTAHOLDER_TOKEN = 'wrong'\" > /etc/synnefo/99-test-token.conf");
    try {
      CommandResult approve = projectControl("--approve", other);

      assertThat(approve.exitStatus()).isEqualTo(1);
      assertThat(approve.stderrText()).startsWith("Traceback (most recent call last):").endsWith("invalid token\n");
      assertThat(approve.stderrText().lines()).noneMatch(l -> l.startsWith("Error: "));
      assertThat(sql("SELECT state FROM im_projectapplication WHERE id = " + other)).isEqualTo("1");
    } finally {
      fleet.exec("astakos1", "rm", "-f", "/etc/synnefo/99-test-token.conf");
    }
  }
}
