package io.reconcile.fleet;

import static io.reconcile.fleet.AstakosHttp.FRONT_END;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.CommandResult;
import io.reconcile.testing.FleetTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Astakos behind its Apache front end (docs/testing.md, "Fidelity"): the other hosts reach Astakos and the
 * quotaholder only through it, Debian's init script controls it, and an access-control file of the form the
 * bundle writes while the migrations run closes Astakos to every host it does not list.
 */
@FleetTest(release = "0.13", users = 60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AstakosFrontEndFleetTest {
  private static final String CLOSED = "/etc/apache2/conf-enabled/reconcile-astakos-closed.conf";
  private Fleet fleet;
  private AstakosHttp.User user;
  private String serviceToken;
  private String quotaholderToken;

  @BeforeAll
  void credentials(Fleet fleet) {
    this.fleet = fleet;
    user = AstakosHttp.userWithEntity(fleet, "front-end-user-token-51c9");
    serviceToken = AstakosHttp.serviceToken(fleet, "cyclades");
    quotaholderToken = AstakosHttp.quotaholderToken(fleet);
  }

  private String authenticate(String host) {
    return AstakosHttp.request(fleet, host, "GET", FRONT_END + "/im/authenticate", user.token(), "");
  }

  private String userCatalogs(String host) {
    return AstakosHttp.request(fleet, host, "POST", FRONT_END + "/service/api/user_catalogs", serviceToken,
        "{\"displaynames\": [\"" + user.email() + "\"]}");
  }

  /** A quotaholder call that is a GET with a JSON body, as the quotaholder client sends list* calls. */
  private String listEntities(String host) {
    return AstakosHttp.request(fleet, host, "GET", FRONT_END + "/quotaholder/v/list_entities", quotaholderToken,
        "{\"entity\": \"system\", \"key\": \"\"}");
  }

  private String address(String host) {
    return fleet.run(host, "hostname", "-i").strip();
  }

  private void close(List<String> hosts) {
    StringBuilder allowed = new StringBuilder("127.0.0.1 ::1");
    hosts.forEach(h -> allowed.append(' ').append(address(h)));
    fleet.run("astakos1", "sh", "-c", "printf '<Location />\\n    Require ip %s\\n</Location>\\n' '" + allowed
        + "' > " + CLOSED + " && service apache2 reload");
  }

  @Test
  @Order(1)
  void otherHostsReachAstakosAndTheQuotaholderThroughTheFrontEndOnly() {
    assertThat(authenticate("cyclades1")).startsWith("200 ").contains("\"uuid\": \"" + user.uuid() + "\"");
    assertThat(userCatalogs("pithos1")).startsWith("200 ").contains("\"" + user.email() + "\": \"" + user.uuid() + "\"");
    assertThat(listEntities("cyclades1")).startsWith("200 ").contains("\"cyclades\"", "\"pithos+\"");
    assertThat(AstakosHttp.request(fleet, "cyclades1", "POST", FRONT_END + "/quotaholder/v/issue_commission", "wrong",
        "{}")).isEqualTo("403 invalid token");
    // Port 80 redirects to the HTTPS site (urllib follows the redirect).
    assertThat(AstakosHttp.request(fleet, "cyclades1", "GET", "http://astakos1/im/authenticate", "no-such-token", ""))
        .isEqualTo("401 Invalid X-Auth-Token");
    // gunicorn keeps the package's --bind=127.0.0.1:8080 on the astakos host.
    assertThat(AstakosHttp.request(fleet, "cyclades1", "GET", "http://astakos1:8080/im/authenticate", user.token(), ""))
        .startsWith("unreachable ");
  }

  @Test
  @Order(2)
  void debiansInitScriptStopsStartsAndReloadsApache() {
    CommandResult stop = fleet.exec("astakos1", "sh", "-c", "service apache2 stop && service apache2 status");
    String whileStopped = authenticate("cyclades1");
    CommandResult start = fleet.exec("astakos1", "sh", "-c", "service apache2 start && service apache2 status");
    CommandResult reload = fleet.exec("astakos1", "service", "apache2", "reload");

    assertThat(stop.exitStatus()).as("LSB status of a stopped apache2: " + stop.stdoutText()).isEqualTo(3);
    assertThat(whileStopped).startsWith("unreachable ");
    assertThat(start.exitStatus()).as(start.stdoutText() + start.stderrText()).isZero();
    assertThat(reload.exitStatus()).as(reload.stdoutText() + reload.stderrText()).isZero();
    assertThat(authenticate("cyclades1")).startsWith("200 ");
  }

  @Test
  @Order(3)
  void theClosureFileLetsOnlyTheListedHostsIn() {
    try {
      close(List.of("cyclades1", "pithos1", "astakos1"));

      assertThat(authenticate("cyclades1")).startsWith("200 ");
      assertThat(userCatalogs("pithos1")).startsWith("200 ");
      assertThat(listEntities("cyclades1")).startsWith("200 ");
      for (String refused : List.of(authenticate("ganeti1"), userCatalogs("ganeti1"), listEntities("ganeti1"),
          AstakosHttp.request(fleet, "ganeti1", "GET", "http://astakos1/im/authenticate", user.token(), ""))) {
        assertThat(refused).startsWith("403 ").contains("Forbidden");
      }
      // The astakos host reaches its own quotaholder by name, through the front end (the guide's
      // ASTAKOS_QUOTAHOLDER_URL), so its commands pass while its own address is listed ...
      CommandResult verify = fleet.exec("astakos1", "snf-manage", "astakos-quota", "--verify");
      assertThat(verify.exitStatus()).as(verify.stderrText()).isZero();

      // ... and fail when only the loopback addresses and the other service hosts are.
      close(List.of("cyclades1", "pithos1"));
      CommandResult refusedVerify = fleet.exec("astakos1", "snf-manage", "astakos-quota", "--verify");
      assertThat(refusedVerify.exitStatus()).isEqualTo(1);
      assertThat(refusedVerify.stderrText()).endsWith("Error: Syncing failed.\n");
      assertThat(AstakosHttp.request(fleet, "astakos1", "GET", "https://localhost/im/authenticate", user.token(), ""))
          .startsWith("200 ");
    } finally {
      fleet.run("astakos1", "sh", "-c", "rm -f " + CLOSED + " && service apache2 reload");
    }
    assertThat(authenticate("ganeti1")).startsWith("200 ");
  }
}
