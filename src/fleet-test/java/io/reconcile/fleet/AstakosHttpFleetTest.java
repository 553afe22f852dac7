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
 * The 0.13 Astakos host's fakes against the real source (docs/testing.md, "Fidelity"): Astakos and the
 * quotaholder over HTTP with their token checks, the astakos commands going through that HTTP API, snf-manage's
 * option handling, the settings loader stopping commands and gunicorn; memcached under its init script.
 */
@FleetTest(release = "0.13", users = 100)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AstakosHttpFleetTest {
  private static final String QH = "http://127.0.0.1:8080/quotaholder/v/";
  private Fleet fleet;
  private String userToken;
  private String userUuid;
  private String userEmail;
  private String serviceToken;

  @BeforeAll
  void tokens(Fleet fleet) {
    this.fleet = fleet;
    AstakosHttp.User user = AstakosHttp.userWithEntity(fleet, "test-user-token-7f3a");
    userToken = user.token();
    userUuid = user.uuid();
    userEmail = user.email();
    serviceToken = AstakosHttp.serviceToken(fleet, "cyclades");
  }

  /** "STATUS BODY" of one request made on astakos1, straight to its gunicorn. */
  private String http(String method, String url, String token, String body) {
    return AstakosHttp.request(fleet, "astakos1", method, url, token, body);
  }

  private CommandResult snfManage(String... args) {
    return SnfManage.run(fleet, "astakos1", args);
  }

  @Test
  @Order(1)
  void authenticateAnswersTheUuidAndRefusesUnknownTokens() {
    assertThat(http("GET", "http://127.0.0.1:8080/im/authenticate", userToken, ""))
        .startsWith("200 ").contains("\"uuid\": \"" + userUuid + "\"").doesNotContain("uniq");
    assertThat(http("GET", "http://127.0.0.1:8080/im/authenticate", "no-such-token", ""))
        .isEqualTo("401 Invalid X-Auth-Token");
    assertThat(http("GET", "http://127.0.0.1:8080/im/authenticate", "", "")).isEqualTo("401 Access denied");
  }

  @Test
  @Order(2)
  void userCatalogsNeedAServiceTokenAndResolveNamesCaseInsensitively() {
    String body = "{\"displaynames\": [\"" + userEmail.toUpperCase() + "\", \"nobody@example.org\"]}";
    String url = "http://127.0.0.1:8080/service/api/user_catalogs";

    assertThat(http("POST", url, serviceToken, body)).startsWith("200 ")
        .contains("\"" + userEmail.toUpperCase() + "\": \"" + userUuid + "\"").doesNotContain("nobody@example.org");
    assertThat(http("POST", url, userToken, body)).isEqualTo("401 Invalid X-Auth-Token");
    assertThat(http("GET", url, serviceToken, "")).isEqualTo("400 Method not allowed.");
    assertThat(http("POST", url, serviceToken, "not json")).isEqualTo("400 Request body should be json formatted.");
  }

  @Test
  @Order(3)
  void quotaholderChecksItsTokenAndAnswersCallErrorsWith450() {
    String token = AstakosHttp.quotaholderToken(fleet);

    assertThat(http("POST", QH + "issue_commission", "wrong", "{}")).isEqualTo("403 invalid token");
    assertThat(http("POST", QH + "issue_commission", token,
        "{\"target\": \"no-such-user\", \"key\": \"1\", \"clientkey\": \"cyclades\", \"provisions\": []}"))
        .startsWith("450 ").contains("NoEntityError", "No target entity 'no-such-user'");
    assertThat(http("POST", QH + "issue_commission", token,
        "{\"target\": \"" + userUuid + "\", \"key\": \"1\", \"clientkey\": \"cyclades\","
            + " \"provisions\": [[\"nosuchservice\", \"nosuchservice.vm\", 1]]}"))
        .startsWith("450 ").contains("NoEntityError", "No source entity 'nosuchservice'");
  }

  @Test
  @Order(4)
  void astakosInitRegistersThroughTheQuotaholderAndQuotaSyncConverges() {
    CommandResult init = snfManage("astakos-init", "--load-service-resources");
    assertThat(init.exitStatus()).as(init.stderrText()).isZero();
    assertThat(fleet.psql(FleetDatabase.ASTAKOS, "SELECT count(*) FROM quotaholder_app_holding"
        + " WHERE entity_id IN ('cyclades', 'pithos+') AND resource LIKE entity_id || '.%'").strip()).isEqualTo("6");

    CommandResult sync = snfManage("astakos-quota", "--sync");
    assertThat(sync.exitStatus()).as(sync.stderrText()).isZero();
    assertThat(sync.stderrText()).contains("Calculating all quotas...");
    CommandResult verify = snfManage("astakos-quota", "--verify");
    assertThat(verify.stdoutText()).doesNotContain("Quotas differ");
    assertThat(snfManage("astakos-quota", "--sync").stdoutText()).contains("No sync needed.");
  }

  @Test
  @Order(5)
  void aWrongQuotaholderTokenMakesTheAstakosCommandsFailAsTheRealOnes() {
    fleet.run("astakos1", "sh", "-c", "echo \"ASTAKOS_QUOTAHOLDER_TOKEN = 'wrong'\" > /etc/synnefo/99-test-token.conf");
    try {
      CommandResult verify = snfManage("astakos-quota", "--verify");
      CommandResult expired = snfManage("project-control", "--check-expired");

      assertThat(verify.exitStatus()).isEqualTo(1);
      assertThat(verify.stderrText()).endsWith("Error: Syncing failed.\n");
      // The expired projects are listed, then sync_projects fails outside the command's error handling.
      assertThat(expired.exitStatus()).isEqualTo(1);
      assertThat(expired.stdoutText()).contains("expired project");
      assertThat(expired.stderrText()).startsWith("Traceback (most recent call last):").contains("invalid token");
    } finally {
      fleet.exec("astakos1", "rm", "-f", "/etc/synnefo/99-test-token.conf");
    }
  }

  @Test
  @Order(6)
  void snfManageParsesOptionsAsOptparseAndDjango() {
    CommandResult unknownOption = snfManage("astakos-quota", "--verfy");
    CommandResult prefix = snfManage("astakos-init", "--load");
    CommandResult unknownCommand = snfManage("list-everything");
    CommandResult positionalFile = snfManage("user-set-initial-quota", "/tmp/quotas");

    assertThat(unknownOption.exitStatus()).isEqualTo(2);
    assertThat(unknownOption.stderrText()).contains("Usage: snf-manage astakos-quota [options]")
        .endsWith("snf-manage: error: no such option: --verfy\n");
    assertThat(prefix.exitStatus()).as(prefix.stderrText()).isZero();
    assertThat(unknownCommand.exitStatus()).isEqualTo(1);
    assertThat(unknownCommand.stderrText()).isEqualTo("Unknown command: 'list-everything'\nType 'snf-manage help' for usage.\n");
    assertThat(positionalFile.exitStatus()).isEqualTo(1);
    assertThat(positionalFile.stderrText()).isEqualTo("Error: Please use either `--from-file' or `--set-capacity' options\n");
  }

  @Test
  @Order(7)
  void aSettingsFileThatDoesNotLoadStopsCommandsAndGunicorn() {
    fleet.run("astakos1", "sh", "-c", "echo 'BROKEN = (' > /etc/synnefo/99-broken.conf");
    try {
      CommandResult command = snfManage("service-list");
      CommandResult restart = fleet.exec("astakos1", "sh", "-c", "service gunicorn restart; sleep 1.5; service gunicorn status");
      String log = fleet.run("astakos1", "tail", "-5", "/var/log/gunicorn/synnefo.log");

      assertThat(command.exitStatus()).isEqualTo(1);
      assertThat(command.stderrText()).startsWith("Failed to read settings file: /etc/synnefo/99-broken.conf [SyntaxError(");
      assertThat(restart.exitStatus()).as("LSB status of a halted gunicorn").isEqualTo(3);
      assertThat(log).contains("Failed to read settings file: /etc/synnefo/99-broken.conf", "Worker failed to boot.");
    } finally {
      fleet.exec("astakos1", "sh", "-c", "rm -f /etc/synnefo/99-broken.conf; service gunicorn start");
    }
    assertThat(fleet.exec("astakos1", "service", "gunicorn", "status").exitStatus()).isZero();
  }

  @Test
  @Order(9)
  void diffsettingsPrintsWhatDiffersFromDjangosDefaultsAsDjango12Does() {
    fleet.run("astakos1", "sh", "-c", "printf 'DEBUG = False\\nTEMPLATE_DEBUG = True\\nEMAIL_PORT = 25\\n"
        + "FLEET_LIMIT = 10 ** 32\\nFLEET_NAMES = set()\\nFLEET_ONE = (\\047one\\047)\\n' > /etc/synnefo/99-test-diff.conf"
        + " && chown root:www-data /etc/synnefo/99-test-diff.conf && chmod 0640 /etc/synnefo/99-test-diff.conf");
    try {
      CommandResult diff = snfManage("diffsettings");
      CommandResult withArgument = snfManage("diffsettings", "extra");
      java.util.List<String> lines = diff.stdoutText().lines().toList();

      assertThat(diff.exitStatus()).as(diff.stderrText()).isZero();
      assertThat(lines).isSortedAccordingTo(java.util.Comparator.comparing((String l) -> l.split(" = ")[0]));
      assertThat(lines).contains(
          "TEMPLATE_DEBUG = True",
          "FLEET_LIMIT = 100000000000000000000000000000000L  ###",
          "FLEET_NAMES = set([])  ###",
          "FLEET_ONE = 'one'  ###",
          "SETTINGS_MODULE = 'synnefo.settings'  ###",
          "ASTAKOS_BASEURL = 'https://astakos1'  ###",
          "TEMPLATE_DIRS = ('/etc/synnefo/templates/',)",
          "LOGIN_URL = '/im/'",
          "TIME_ZONE = 'UTC'");
      assertThat(lines).filteredOn(l -> l.startsWith("DATABASES = ")).singleElement().asString()
          .contains("'ENGINE': 'postgresql_psycopg2'", "'NAME': 'snf_apps'").doesNotEndWith("###");
      assertThat(lines).filteredOn(l -> l.startsWith("INSTALLED_APPS = [")).singleElement().asString()
          .contains("'astakos.im', 'django.contrib.messages', 'django.contrib.admin'", "'quotaholder_django.quotaholder_app'");
      // Equal to Django's global defaults: left out.
      assertThat(lines).noneMatch(l -> l.startsWith("DEBUG = ") || l.startsWith("EMAIL_PORT = ")
          || l.startsWith("DEFAULT_CHARSET = ") || l.startsWith("MANAGERS = "));
      assertThat(withArgument.exitStatus()).isEqualTo(1);
      assertThat(withArgument.stderrText()).isEqualTo("Error: Command doesn't accept any arguments\n");
    } finally {
      fleet.exec("astakos1", "rm", "-f", "/etc/synnefo/99-test-diff.conf");
    }
  }

  @Test
  @Order(8)
  void memcachedOnTheCycladesHostObeysItsInitScript() {
    CommandResult stop = fleet.exec("cyclades1", "sh", "-c", "service memcached stop && sleep 0.5 && ! pgrep -x memcached"
        + " && service memcached status; echo status=$?");
    CommandResult start = fleet.exec("cyclades1", "sh", "-c", "service memcached start && sleep 0.5 && service memcached status");

    assertThat(stop.stdoutText()).as(stop.stderrText()).contains("status=3");
    assertThat(start.exitStatus()).as(start.stdoutText() + start.stderrText()).isZero();
  }
}
