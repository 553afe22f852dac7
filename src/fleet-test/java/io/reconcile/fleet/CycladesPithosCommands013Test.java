package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.CommandResult;
import io.reconcile.testing.FleetTest;
import org.junit.jupiter.api.Test;

/** The 0.13 Cyclades and Pithos management commands with the real options, messages, prompts and exit codes. */
@FleetTest(release = "0.13")
class CycladesPithosCommands013Test {
  @Test
  void validationIsOnByDefaultAndWarnsAboutUuidsAsTheRealOneDoes(Fleet fleet) {
    CommandResult prefix = fleet.exec("cyclades1", "snf-manage", "cyclades-astakos-migrate-013", "--validate");
    CommandResult unknown = fleet.exec("cyclades1", "snf-manage", "cyclades-astakos-migrate-013", "--validat-db");

    // A converged database holds uuids only, which the real check takes for "mixed" (it counts emails).
    assertThat(prefix.exitStatus()).as(prefix.stderrText()).isZero();
    assertThat(prefix.stdoutText())
        .isEqualTo("WARNING: It seems that mixed uuid/email user identifiers exist in database.\n");
    assertThat(unknown.exitStatus()).isEqualTo(2);
    assertThat(unknown.stderrText()).contains("snf-manage: error: no such option: --validat-db");
  }

  @Test
  void deleteUserAsksForYesOfCourseAndKeepsTheEntriesOtherwise(Fleet fleet) {
    String owner = fleet.psql(FleetDatabase.CYCLADES, "SELECT userid FROM db_virtualmachine ORDER BY id LIMIT 1")
        .strip();
    String before = vms(fleet, owner);

    CommandResult declined = fleet.exec("cyclades1", "sh", "-c",
        "echo yes | snf-manage cyclades-astakos-migrate-013 --delete-user=" + owner);

    assertThat(declined.exitStatus()).as(declined.stderrText()).isZero();
    assertThat(declined.stdoutText()).contains("Virtual Machines", "PublicKeyPairs",
        "Type 'yes of course' if you are sure you want to remove those entries: ");
    assertThat(vms(fleet, owner)).isEqualTo(before);

    CommandResult confirmed = fleet.exec("cyclades1", "sh", "-c",
        "echo 'yes of course' | snf-manage cyclades-astakos-migrate-013 --delete-user=" + owner);

    assertThat(confirmed.stdoutText()).endsWith("User entries removed.\n");
    assertThat(vms(fleet, owner)).isEqualTo("0");
  }

  @Test
  void pithosDuplicatesExitOneAndTheExportHasEveryPolicyRow(Fleet fleet) {
    String account = fleet.psql(FleetDatabase.PITHOS, "SELECT path FROM nodes WHERE parent = 0 AND node <> 0"
        + " AND path ~ '[a-f]' ORDER BY node LIMIT 1").strip();
    fleet.psql(FleetDatabase.PITHOS, "INSERT INTO nodes (parent, path) VALUES (0, upper('" + account + "'))");

    CommandResult duplicates = fleet.exec("pithos1", "snf-manage", "pithos-manage-accounts", "--list-duplicate");
    CommandResult export = fleet.exec("pithos1", "sh", "-c",
        "cd /tmp && snf-manage pithos-export-quota && wc -l < exported_policies");

    assertThat(duplicates.exitStatus()).isEqualTo(1);
    assertThat(duplicates.stderrText()).isEqualTo("Error: The following case insensitive duplicates found:\n"
        + account + ", " + account.toUpperCase() + "\n");
    assertThat(export.stdoutText().strip()).isEqualTo(fleet.psql(FleetDatabase.PITHOS, "SELECT count(*) FROM nodes n"
        + " JOIN policy p ON p.node = n.node AND p.key = 'quota' WHERE n.parent = 0 AND n.node <> 0").strip());
  }

  private static String vms(Fleet fleet, String owner) {
    return fleet.psql(FleetDatabase.CYCLADES, "SELECT count(*) FROM db_virtualmachine WHERE userid = '" + owner + "'")
        .strip();
  }
}
