package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reconcile.cli.CliProject.Run;
import io.reconcile.history.HistoryDatabase;
import io.reconcile.testing.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `reconcile`, `reconcile history` and `reconcile show` with the history in a real PostgreSQL. */
@RequiresDocker
class HistoryPostgresCliTest {
  private static HistoryDatabase database;

  @TempDir Path dir;

  @BeforeAll
  static void startDatabase() {
    database = HistoryDatabase.start();
  }

  @AfterAll
  static void stopDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void threeRunsAreListedAndShownFromPostgresql() throws Exception {
    String url = database.newDatabase() + "?user=" + HistoryDatabase.USER;
    Path passwordFile = dir.resolve("history-password");
    Files.writeString(passwordFile, HistoryDatabase.PASSWORD + "\n");
    String[] history = {"--history-jdbc", url, "--history-password-file", passwordFile.toString()};
    try (CliProject project = new CliProject(dir.resolve("project"))) {
      assertThat(project.reconcile(concat(history, "--check")).code()).isEqualTo(2);
      Run apply = project.reconcile(history);
      assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
      assertThat(project.reconcile(concat(history, "--check")).code()).isZero();
      assertThat(project.stateDir.resolve("runs")).as("nothing in the embedded store").doesNotExist();
      assertThat(project.stateDir.resolve("checks")).doesNotExist();
    }

    Run list = CliProject.run(concat(new String[] {"history", "--format", "json"}, history));
    assertThat(list.code()).as(list.err()).isZero();
    JsonNode runs = new ObjectMapper().readTree(list.out());
    assertThat(runs).extracting(r -> r.get("mode").asText()).containsExactly("check", "apply", "check");
    assertThat(runs).extracting(r -> r.get("changes").asInt()).containsExactly(0, 3, 3);
    assertThat(runs).extracting(r -> r.get("exit_code").asInt()).containsExactly(0, 0, 2);

    Run show = CliProject.run(concat(new String[] {"show", runs.get(1).get("id").asText()}, history));
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).contains("web1: changed", "+TOKEN = '********'").doesNotContain(CliProject.SECRET);
  }

  private static String[] concat(String[] first, String... rest) {
    String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }
}
