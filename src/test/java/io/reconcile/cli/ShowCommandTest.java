package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How `reconcile show RUN` tells an operator to put a file back: a command that works, run as shown. */
class ShowCommandTest {
  @TempDir Path dir;

  @Test
  void theRestoreLinePutsTheBackupBackAndKeepsWhatTheRunWrote() throws Exception {
    Path original = dir.resolve("etc/it's here.conf");
    Path backup = Path.of(dir + "/backups/20261125T133512Z-4b07" + original);
    Files.createDirectories(original.getParent());
    Files.createDirectories(backup.getParent());
    Files.writeString(original, "written by the run\n");
    Files.writeString(backup, "the operator's\n");

    String line = ShowCommand.restore("20261125T133512Z-4b07", "web1:" + backup);
    Process sh = new ProcessBuilder("/bin/sh", "-c", line).inheritIO().start();

    assertThat(sh.waitFor()).isZero();
    assertThat(Files.readString(original)).isEqualTo("the operator's\n");
    assertThat(Files.readString(Path.of(original + ".reconcile-undone"))).isEqualTo("written by the run\n");
  }

  @Test
  void aBackupOfAFileTheRunRemovedIsRestoredToo() throws IOException, InterruptedException {
    Path original = dir.resolve("etc/gone.conf");
    Path backup = Path.of(dir + "/backups/run-1" + original);
    Files.createDirectories(backup.getParent());
    Files.createDirectories(original.getParent());
    Files.writeString(backup, "kept\n");

    Process sh = new ProcessBuilder("/bin/sh", "-c", ShowCommand.restore("run-1", "web1:" + backup)).inheritIO().start();

    assertThat(sh.waitFor()).isZero();
    assertThat(Files.readString(original)).isEqualTo("kept\n");
  }
}
