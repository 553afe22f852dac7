package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reconcile.cli.CliProject.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved plans against two hosts reached over real SSH (embedded servers running /bin/sh here): the plan of
 * a check is what apply then does, exactly; a host edited after the plan is refused untouched (exit 65)
 * while the other applies; a plan whose states changed is refused before any host is contacted.
 */
@Timeout(120)
class SavedPlanCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private CliProject project;
  private Path plan;

  @BeforeEach
  void start() throws Exception {
    project = new CliProject(dir.resolve("project"));
    plan = dir.resolve("plans/web.plan.json");
  }

  @AfterEach
  void stop() throws IOException {
    project.close();
  }

  @Test
  void theSavedPlanIsWhatTheCheckShowedMaskedAndOwnerOnly() throws Exception {
    Run check = project.reconcile("--check", "--diff", "--format", "json", "--plan-out", plan.toString());

    assertThat(check.code()).as(check.err()).isEqualTo(2);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan))).isEqualTo("rw-------");
    String text = Files.readString(plan);
    assertThat(text).doesNotContain(CliProject.SECRET).contains("********");
    JsonNode saved = JSON.readTree(text);
    assertThat(saved.get("format").asText()).isEqualTo("reconcile-plan/1");
    assertThat(changes(saved)).isEqualTo(changes(JSON.readTree(check.out()))).hasSize(3);
    for (JsonNode host : saved.get("hosts")) {
      host.get("changes").forEach(c -> assertThat(c.get("facts").fieldNames()).toIterable()
          .allSatisfy(item -> assertThat(item).startsWith("file ")));
    }
    // The text report of the same check shows each saved change, as '~ ID: BEFORE -> AFTER'.
    Run textReport = project.reconcile("--check");
    for (JsonNode host : saved.get("hosts")) {
      host.get("changes").forEach(c -> assertThat(textReport.out())
          .contains("~ " + c.get("id").asText() + ": " + c.get("before").asText() + " -> " + c.get("after").asText()));
    }
  }

  @Test
  void applyingThePlanDoesExactlyItsChanges() throws Exception {
    assertThat(project.reconcile("--check", "--plan-out", plan.toString()).code()).isEqualTo(2);

    Run apply = project.run("apply", plan.toString(), "--known-hosts", project.dir.resolve("known_hosts").toString(),
        "--state-dir", project.stateDir.toString(), "--format", "json");

    assertThat(apply.code()).as(apply.err()).isZero();
    assertThat(changedIds(JSON.readTree(apply.out()))).isEqualTo(plannedIds(JSON.readTree(Files.readString(plan))));
    assertThat(Files.readString(project.etc("web1").resolve("app.conf"))).contains("HOST = 'web1'");
    assertThat(project.reconcile("--check").code()).isZero();
  }

  @Test
  void aHostEditedAfterThePlanIsRefusedUntouchedWhileTheOtherApplies() throws Exception {
    Files.writeString(project.etc("web1").resolve("app.conf"), "old\n");
    assertThat(project.reconcile("--check", "--plan-out", plan.toString()).code()).isEqualTo(2);
    Files.writeString(project.etc("web1").resolve("app.conf"), "edited by hand after the review\n");

    Run apply = project.run("--plan", plan.toString(), "--known-hosts", project.dir.resolve("known_hosts").toString(),
        "--state-dir", project.stateDir.toString(), "--format", "json");

    assertThat(apply.code()).as(apply.out() + apply.err()).isEqualTo(65);
    JsonNode report = JSON.readTree(apply.out());
    assertThat(report.get("hosts").get(0).get("error").asText())
        .isEqualTo("plan is stale for web1: file " + project.etc("web1").resolve("app.conf") + " changed");
    assertThat(report.get("hosts").get(1).get("status").asText()).isEqualTo("changed");
    assertThat(Files.readString(project.etc("web1").resolve("app.conf")))
        .isEqualTo("edited by hand after the review\n");
    assertThat(Files.readString(project.etc("web2").resolve("app.conf"))).contains("HOST = 'web2'");
  }

  @Test
  void aPlanWhoseStatesChangedIsRefusedBeforeAnyHostIsContacted() throws Exception {
    assertThat(project.reconcile("--check", "--plan-out", plan.toString()).code()).isEqualTo(2);
    int sessions = project.web1.sessionsCreated() + project.web2.sessionsCreated();
    Files.writeString(project.dir.resolve("states/20-quota.yml"), Files.readString(project.dir.resolve(
        "states/20-quota.yml")).replace("QUOTA = 10", "QUOTA = 20"));

    Run apply = project.run("apply", plan.toString(), "--known-hosts", project.dir.resolve("known_hosts").toString());

    assertThat(apply.code()).isEqualTo(65);
    assertThat(apply.err()).contains(plan + ": plan is stale: states/20-quota.yml changed since the plan was made");
    assertThat(project.web1.sessionsCreated() + project.web2.sessionsCreated()).isEqualTo(sessions);
  }

  @Test
  void aPlanIsAppliedAsMadeAndPlanOutBelongsToACheck() throws Exception {
    assertThat(project.reconcile("--check", "--plan-out", plan.toString()).code()).isEqualTo(2);
    assertThat(project.run("--plan", plan.toString(), "--limit", "web1").code()).isEqualTo(64);
    assertThat(project.reconcile("--plan-out", plan.toString()).code()).isEqualTo(64);
    Files.writeString(plan, "{\"format\": \"something else\"}");
    Run bad = project.run("apply", plan.toString());
    assertThat(bad.code()).isEqualTo(65);
    assertThat(bad.err()).contains("not a saved plan of this reconcile");
  }

  private static Set<String> changes(JsonNode document) {
    Set<String> changes = new HashSet<>();
    for (JsonNode host : document.get("hosts")) {
      String name = host.get("name").asText();
      for (JsonNode c : host.get(document.has("format") ? "changes" : "resources")) {
        if (document.has("format") || c.get("status").asText().equals("drift")) {
          changes.add(name + " " + c.get("id").asText() + " " + c.get("before").asText() + " -> "
              + c.get("after").asText());
        }
      }
    }
    return changes;
  }

  private static Set<String> plannedIds(JsonNode plan) {
    Set<String> ids = new HashSet<>();
    plan.get("hosts").forEach(h -> h.get("changes")
        .forEach(c -> ids.add(h.get("name").asText() + " " + c.get("id").asText())));
    return ids;
  }

  private static Set<String> changedIds(JsonNode report) {
    Set<String> ids = new HashSet<>();
    report.get("hosts").forEach(h -> h.get("resources").forEach(r -> {
      if (r.get("status").asText().equals("changed")) {
        ids.add(h.get("name").asText() + " " + r.get("id").asText());
      }
    }));
    return ids;
  }
}
