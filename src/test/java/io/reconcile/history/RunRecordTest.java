package io.reconcile.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.plan.DesiredState;
import io.reconcile.report.HostResult;
import io.reconcile.report.HostStatus;
import io.reconcile.report.Mode;
import io.reconcile.report.ResourceResult;
import io.reconcile.report.ResourceStatus;
import io.reconcile.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a record collects from a finished run: backups per host and the run's database export files. */
class RunRecordTest {
  @TempDir Path dir;

  @Test
  void collectsBackupsOfEveryHostAndTheExportFilesOfThisRunOnly() throws Exception {
    Path exports = dir.resolve("exports");
    Files.createDirectories(exports.resolve("run-2/snf_apps"));
    Files.writeString(exports.resolve("run-2/snf_apps/im_astakosuser.csv"), "id,email\n");
    Files.createDirectories(exports.resolve("run-1"));
    Files.writeString(exports.resolve("run-1/older.csv"), "x\n");
    ResourceResult changed = new ResourceResult("file:/etc/a.conf", "file", "main", ResourceStatus.CHANGED, Optional.of("x"),
        Optional.of("y"), Optional.empty(), Optional.empty(), ImmutableList.of("/var/backups/reconcile/run-2/etc/a.conf"));
    RunReport report = new RunReport("run-2", Mode.APPLY, Instant.parse("2026-11-25T13:00:00Z"), Duration.ofSeconds(3),
        ImmutableList.of(new HostResult("web1", HostStatus.CHANGED, Optional.empty(), ImmutableList.of(changed))), Optional.empty());

    RunRecord record = RunRecord.of(report, new DesiredState(ImmutableList.of(), ImmutableMap.of()),
        RunScope.of(List.of(), List.of(), Optional.of("web*")), dir.resolve("prod.ini"), exports, io.reconcile.report.SecretMasker.byMeaning());

    assertThat(record.backups()).containsExactly("web1:/var/backups/reconcile/run-2/etc/a.conf");
    assertThat(record.exports()).containsExactly(exports.resolve("run-2/snf_apps/im_astakosuser.csv").toString());
    assertThat(record.inventory()).isEqualTo(dir.resolve("prod.ini").toString());
    assertThat(record.scope().label()).isEqualTo("limit=web*");
    assertThat(record.finished()).isEqualTo(Instant.parse("2026-11-25T13:00:03Z"));
    assertThat(record.successfulCheck()).isFalse();
  }

  @Test
  void listsABackupSharedByTwoResourcesOfOneFileOnce() {
    String backup = "/var/backups/reconcile/run-3/etc/a.conf";
    ResourceResult line = new ResourceResult("line:a", "line", "settings", ResourceStatus.CHANGED, Optional.of("x"),
        Optional.of("y"), Optional.empty(), Optional.empty(), ImmutableList.of(backup));
    ResourceResult file = new ResourceResult("file:/etc/a.conf", "file", "finish", ResourceStatus.CHANGED, Optional.of("y"),
        Optional.of("z"), Optional.empty(), Optional.empty(), ImmutableList.of(backup));
    RunReport report = new RunReport("run-3", Mode.APPLY, Instant.parse("2026-11-25T13:00:00Z"), Duration.ofSeconds(3),
        ImmutableList.of(new HostResult("web1", HostStatus.CHANGED, Optional.empty(), ImmutableList.of(line, file))), Optional.empty());

    RunRecord record = RunRecord.of(report, new DesiredState(ImmutableList.of(), ImmutableMap.of()),
        RunScope.of(List.of(), List.of(), Optional.empty()), dir.resolve("prod.ini"), dir.resolve("exports"),
        io.reconcile.report.SecretMasker.byMeaning());

    assertThat(record.backups()).containsExactly("web1:" + backup);
  }
}
