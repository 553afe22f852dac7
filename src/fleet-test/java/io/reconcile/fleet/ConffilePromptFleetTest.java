package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.CommandResult;
import io.reconcile.testing.FleetTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The 0.12.5 astakos host's conffiles as the real packages ship them plus the operator's edits (docs/testing.md,
 * "Fidelity"), and what real dpkg does with them on the upgrade to 0.13-1 over SSH, without a terminal: an
 * edited conffile that the new package changed stops the run at dpkg's prompt unless a conffile policy is given;
 * {@code snf-manage diffsettings} before and after shows which effective settings the packages alone change.
 */
@FleetTest(release = "0.12", cyclades = 0, pithos = 0, ganeti = 0, users = 20)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConffilePromptFleetTest {
  private static final String ASTAKOS_SETTINGS = "/etc/synnefo/20-snf-astakos-app-settings.conf";
  private static final String PACKAGES = "snf-common=0.13-1 snf-webproject=0.13-1 snf-quotaholder-app=0.13-1"
      + " snf-astakos-app=0.13-1";
  private static final String CONFFILE_POLICY = "-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold";
  private Fleet fleet;
  private String operatorsSettings;
  private Map<String, String> settingsBefore;

  @BeforeAll
  void operatorsFile(Fleet fleet) {
    this.fleet = fleet;
    operatorsSettings = sha256(ASTAKOS_SETTINGS);
    settingsBefore = effectiveSettings();
  }

  /** snf-manage diffsettings as {name: line}. */
  private Map<String, String> effectiveSettings() {
    return fleet.run("astakos1", "snf-manage", "diffsettings").lines()
        .collect(Collectors.toMap(l -> l.split(" = ", 2)[0], l -> l));
  }

  private String sha256(String path) {
    return fleet.run("astakos1", "sha256sum", path).split(" ")[0];
  }

  private CommandResult upgrade(String options) {
    return fleet.ssh("astakos1", "DEBIAN_FRONTEND=noninteractive apt-get install -y " + options + " " + PACKAGES);
  }

  private String status(String pkg) {
    return fleet.run("astakos1", "dpkg-query", "-W", "-f", "${db:Status-Abbrev}${Version}", pkg);
  }

  @Test
  @Order(1)
  void theOperatorEditedExactlyTheFilesAnOperatorEdits() {
    CommandResult verify = fleet.exec("astakos1", "dpkg", "--verify", "snf-common", "snf-webproject", "snf-astakos-app");

    assertThat(verify.stdoutText().lines().map(l -> l.replaceFirst("^\\S+ c ", ""))).containsExactlyInAnyOrder(
        "/etc/synnefo/00-snf-common-admins.conf", "/etc/synnefo/10-snf-webproject-database.conf",
        "/etc/synnefo/10-snf-webproject-deploy.conf", "/etc/synnefo/20-snf-astakos-app-cloudbar.conf",
        ASTAKOS_SETTINGS);
    assertThat(fleet.exec("astakos1", "grep", "-c", "^#", "/etc/synnefo/10-snf-webproject-logging.conf")
        .stdoutText().strip()).as("the packaged logging conffile is all comments")
        .isEqualTo(fleet.exec("astakos1", "grep", "-c", "", "/etc/synnefo/10-snf-webproject-logging.conf")
            .stdoutText().strip());
    assertThat(fleet.exec("astakos1", "snf-manage", "service-list").exitStatus()).as("the operator's DATABASES").isZero();
  }

  @Test
  @Order(2)
  void withoutAConffilePolicyDpkgStopsAtThePromptOfTheEditedChangedFile() {
    CommandResult upgrade = upgrade("");

    assertThat(upgrade.exitStatus()).isEqualTo(100);
    // dpkg ends the lines of its conffile dialogue with \r\n.
    assertThat((upgrade.stdoutText() + upgrade.stderrText()).replace("\r", ""))
        .contains("Configuration file '" + ASTAKOS_SETTINGS + "'\n ==> Modified (by you or by a script) since"
            + " installation.\n ==> Package distributor has shipped an updated version.")
        .contains("*** 20-snf-astakos-app-settings.conf (Y/I/N/O/D/Z) [default=N] ?")
        .contains("end of file on stdin at conffile prompt")
        // Edited but unchanged between the releases: kept without a word. Unedited and changed: replaced.
        .doesNotContain("Configuration file '/etc/synnefo/10-snf-webproject-database.conf'")
        .contains("Installing new version of config file /etc/synnefo/10-snf-webproject-logging.conf ...");
    assertThat(status("snf-astakos-app")).isEqualTo("iU 0.13-1");
    assertThat(status("snf-webproject")).isEqualTo("ii 0.13-1");
    assertThat(sha256(ASTAKOS_SETTINGS)).isEqualTo(operatorsSettings);
  }

  @Test
  @Order(3)
  void withConfoldAndConfdefTheEditedFileIsKeptAndThePackagesVersionIsDpkgDist() {
    CommandResult upgrade = upgrade(CONFFILE_POLICY);

    assertThat(upgrade.exitStatus()).as(upgrade.stdoutText() + upgrade.stderrText()).isZero();
    assertThat(upgrade.stdoutText()).contains(" ==> Keeping old config file as default.");
    assertThat(status("snf-astakos-app")).isEqualTo("ii 0.13-1");
    assertThat(sha256(ASTAKOS_SETTINGS)).isEqualTo(operatorsSettings);
    String packaged = fleet.run("astakos1", "sh", "-c", "dpkg-deb --fsys-tarfile /srv/repo/snf-astakos-app_0.13-1_all.deb"
        + " | tar -xO ./etc/synnefo/20-snf-astakos-app-settings.conf | sha256sum").split(" ")[0];
    assertThat(sha256(ASTAKOS_SETTINGS + ".dpkg-dist")).isEqualTo(packaged);
    assertThat(fleet.exec("astakos1", "sh", "-c", "ls /etc/synnefo | grep dpkg").stdoutText().strip())
        .isEqualTo("20-snf-astakos-app-settings.conf.dpkg-dist");
    assertThat(fleet.exec("astakos1", "grep", "-c", "LOGGING_SETUP\\['loggers'\\]\\['synnefo.admin'\\]",
        "/etc/synnefo/10-snf-webproject-logging.conf").stdoutText().strip()).as("0.13's logging conffile").isEqualTo("1");
  }

  @Test
  @Order(4)
  void theOperatorsSettingsSurviveAndOnlyThePackagesDefaultsChange() {
    Map<String, String> after = effectiveSettings();
    Set<String> changed = new TreeSet<>(settingsBefore.keySet());
    changed.addAll(after.keySet());
    changed.removeIf(name -> java.util.Objects.equals(settingsBefore.get(name), after.get(name)));

    // 0.13's snf-webproject and snf-astakos-app defaults (12:/13: webproject/settings/default/apps.py,
    // astakos/im/synnefo_settings.py); every setting of the kept files is the same.
    assertThat(changed).containsExactly("BROKER_URL", "INSTALLED_APPS", "LOGGING_SETUP", "LOGIN_URL",
        "TEMPLATE_CONTEXT_PROCESSORS", "TEMPLATE_DIRS");
    assertThat(settingsBefore.get("LOGIN_URL")).isEqualTo("LOGIN_URL = '/im'");
    assertThat(after.get("LOGIN_URL")).isEqualTo("LOGIN_URL = '/im/'");
    assertThat(after.get("ASTAKOS_DEFAULT_FROM_EMAIL"))
        .isEqualTo("ASTAKOS_DEFAULT_FROM_EMAIL = 'Synnefo Cloud <no-reply@example.synnefo.org>'  ###");
    assertThat(after.get("SECRET_KEY")).isEqualTo("SECRET_KEY = 'sy6)mw6a7x%n)-fleet-astakos#zzk4jo6f2=uqu!1o%)'");
  }
}
