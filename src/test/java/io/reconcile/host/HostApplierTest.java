package io.reconcile.host;

import io.reconcile.resource.command.RunCommand;
import io.reconcile.resource.file.WriteFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several changes in one script, through the local /bin/sh: what each change did, and what it did not. */
class HostApplierTest {
  @TempDir Path dir;

  private HostApplier applier(HostShell shell) {
    return new HostApplier(shell, dir.resolve("backups").toString(), HostApplier.DEFAULT_DPKG_LOCK_WAIT);
  }

  private WriteFile write(String name, String content) {
    return new WriteFile(dir.resolve(name).toString(), content.getBytes(StandardCharsets.UTF_8), Optional.empty(),
        Optional.empty(), Optional.of(0644));
  }

  @Test
  void aFailureNamesItsOwnActionWithItsOwnOutputAndStopsTheScript() throws IOException {
    Files.writeString(dir.resolve("blocker"), "");
    List<List<ScriptAction>> changes = List.of(
        List.of(new RunCommand("echo noise from the first change >&2", Duration.ofSeconds(10))),
        List.of(write("one.conf", "1\n"), write("blocker/two.conf", "2\n")),
        List.of(write("three.conf", "3\n")));

    HostApplier.ChangesOutcome outcome = applier(new LocalShell()).apply(changes, List.of());

    assertThat(outcome.outcomes()).hasSize(2);
    assertThat(outcome.outcomes().get(0).done()).isTrue();
    assertThat(outcome.outcomes().get(1).error()).hasValueSatisfying(e -> assertThat(e)
        .startsWith("write " + dir.resolve("blocker/two.conf") + " failed (exit 1): mkdir: cannot create directory")
        .doesNotContain("noise"));
    assertThat(outcome.factsAfter()).isEmpty();
    assertThat(Files.readString(dir.resolve("one.conf"))).isEqualTo("1\n");
    assertThat(Files.exists(dir.resolve("three.conf"))).as("not attempted").isFalse();
  }

  @Test
  void contentCutShortInTransitLeavesTheFileAsItWas() throws IOException {
    Files.writeString(dir.resolve("two.conf"), "old\n");
    HostShell lossy = (script, stdin, timeout) -> new LocalShell().run(script, Arrays.copyOf(stdin, stdin.length - 1), timeout);

    HostApplier.ChangesOutcome outcome = applier(lossy).apply(
        List.of(List.of(write("one.conf", "first file\n")), List.of(write("two.conf", "second file\n"))), List.of());

    assertThat(outcome.outcomes()).hasSize(2);
    assertThat(outcome.outcomes().get(0).done()).isTrue();
    assertThat(outcome.outcomes().get(1).error()).hasValueSatisfying(e -> assertThat(e)
        .endsWith("the content of " + dir.resolve("two.conf") + " was cut short in transit"));
    assertThat(Files.readString(dir.resolve("one.conf"))).isEqualTo("first file\n");
    assertThat(Files.readString(dir.resolve("two.conf"))).isEqualTo("old\n");
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left").noneMatch(n -> n.startsWith(".reconcile"));
    }
  }
}
