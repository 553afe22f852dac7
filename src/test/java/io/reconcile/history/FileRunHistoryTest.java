package io.reconcile.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.report.Mode;
import io.reconcile.report.ResourceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRunHistoryTest extends RunHistoryContract {
  @TempDir Path stateDir;

  @Override
  RunHistory open() {
    return new FileRunHistory(stateDir.resolve("state"));
  }

  @Test
  void oneJsonFilePerRunReadableByItsOwnerOnlyAndNoTemporaryFilesLeft() throws Exception {
    try (RunHistory history = open()) {
      history.record(run("r1", Mode.CHECK, T0, ALL, host("web1", ResourceStatus.DRIFT)));
      history.record(run("r2", Mode.CHECK, T0.plusSeconds(1), ALL, host("web1", ResourceStatus.OK)));
    }
    Path runs = stateDir.resolve("state/runs");
    try (Stream<Path> files = Files.list(runs)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("20261125T130000.123Z_r1.json", "20261125T130001.123Z_r2.json");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runs.resolve("20261125T130000.123Z_r1.json"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runs)).substring(3)).isEqualTo("------");
    try (Stream<Path> all = Files.walk(stateDir)) {
      assertThat(all.map(Path::toString)).noneMatch(p -> p.endsWith(".tmp"));
    }
  }
}
