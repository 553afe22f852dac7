package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.cli.CliProject.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets the way a settings file meets them, over SSH to a real (embedded) server: a token rotated
 * (the old one only the host had), a token full of quotes and backslashes written by the templates'
 * {@code py()}, a secret of several lines. None of them, in any of its encodings, reaches stdout, stderr,
 * the JSON or JUnit report, the metrics, the run history, {@code reconcile show} or the exports.
 */
class SecretsCliTest {
  private static final String OLD_TOKEN = "Tk-old-7d41e0";
  private static final String NEW_TOKEN = "Tk-q'u\\o\"te-9b";
  private static final String PY_NEW_TOKEN = "Tk-q\\'u\\\\o\"te-9b";
  private static final List<String> SIGNING_LINES = List.of("-----BEGIN SIGNING-----", "MIIsecretLineOne4f2", "MIIsecretLineTwo8c1",
      "-----END SIGNING-----");

  @TempDir Path dir;
  private CliProject project;

  @BeforeEach
  void setUp() throws Exception {
    project = new CliProject(dir);
    Files.createDirectories(dir.resolve("templates/lib"));
    Files.copy(Path.of("templates/lib/python.ftl"), dir.resolve("templates/lib/python.ftl"));
    Files.writeString(dir.resolve("templates/app.conf.ftl"), """
        <#include "/lib/python.ftl">
        QUOTAHOLDER_URL = ${py("https://accounts.example.org/quotaholder/v")}
        QUOTAHOLDER_TOKEN = ${py(quotaholder_token)}
        SIGNING_SECRET = \"""${signing_secret?no_esc}\"""
        """);
    Files.writeString(dir.resolve("states/10-app.yml"), """
        resources:
          - file: ETC/web1/app.conf
            hosts: web1
            template: app.conf.ftl
        """.replace("ETC", dir.resolve("etc").toString()));
    Files.delete(dir.resolve("states/20-quota.yml"));
    Files.writeString(dir.resolve("prod.ini"), Files.readString(dir.resolve("prod.ini"))
        + "quotaholder_token=\"" + NEW_TOKEN.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n"
        + "signing_secret=\"" + String.join("\\n", SIGNING_LINES) + "\"\n");
    // the operator's file: the token before the rotation, and a secret only this host has
    Files.writeString(project.etc("web1").resolve("app.conf"), "QUOTAHOLDER_URL = 'https://accounts.example.org/quotaholder/v'\n"
        + "QUOTAHOLDER_TOKEN = '" + OLD_TOKEN + "'\nSIGNING_SECRET = \"\"\"" + String.join("\n", SIGNING_LINES.subList(0, 2))
        + "\nMIIonlyTheHostHadThis\n" + SIGNING_LINES.get(3) + "\"\"\"\n");
  }

  @AfterEach
  void tearDown() throws IOException {
    project.close();
  }

  @Test
  void rotatedQuotedAndMultiLineSecretsReachNoOutput() throws Exception {
    Map<String, String> outputs = new LinkedHashMap<>();
    Run check = run(outputs, "check", "--check", "--diff");
    assertThat(check.code()).as(check.err()).isEqualTo(2);
    assertThat(check.out()).contains("-QUOTAHOLDER_TOKEN = '********'", "+QUOTAHOLDER_TOKEN = '********'",
        " QUOTAHOLDER_URL = 'https://accounts.example.org/quotaholder/v'");
    Run apply = run(outputs, "apply", "--diff");
    assertThat(apply.code()).as(apply.err()).isZero();
    assertThat(Files.readString(project.etc("web1").resolve("app.conf"))).as("the secrets are really in play")
        .contains("QUOTAHOLDER_TOKEN = '" + PY_NEW_TOKEN + "'", SIGNING_LINES.get(1));
    Run json = run(outputs, "check json", "--check", "--format", "json");
    assertThat(json.code()).isZero();
    String runId = newestRun();
    outputs.put("show", CliProject.run("show", runId, "--state-dir", project.stateDir.toString()).out());
    outputs.put("show json", CliProject.run("show", runId, "--format", "json", "--state-dir", project.stateDir.toString()).out());
    outputs.put("history", CliProject.run("history", "--state-dir", project.stateDir.toString()).out());
    outputs.putAll(filesUnder(dir.resolve("reports")));
    outputs.putAll(filesUnder(project.stateDir));
    outputs.putAll(filesUnder(dir.resolve("exports")));

    assertThat(outputs).hasSizeGreaterThan(12);
    List<String> forms = new ArrayList<>(List.of(OLD_TOKEN, NEW_TOKEN, PY_NEW_TOKEN, "Tk-q\\\\'u", "MIIonlyTheHostHadThis"));
    forms.addAll(SIGNING_LINES.subList(1, 3));
    outputs.forEach((name, text) -> assertThat(text).as(name).doesNotContain(forms));
  }

  private Run run(Map<String, String> outputs, String name, String... flags) {
    int n = outputs.size();
    List<String> args = new ArrayList<>(List.of("--report-json", dir.resolve("reports/" + n + ".json").toString(),
        "--report-junit", dir.resolve("reports/" + n + ".xml").toString(), "--metrics", dir.resolve("reports/" + n + ".prom").toString(),
        "--export-dir", dir.resolve("exports").toString()));
    args.addAll(List.of(flags));
    Run run = project.reconcile(args.toArray(String[]::new));
    outputs.put(name + ": stdout", run.out());
    outputs.put(name + ": stderr", run.err());
    return run;
  }

  private String newestRun() throws IOException {
    try (Stream<Path> files = Files.list(project.stateDir.resolve("runs"))) {
      String newest = files.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
      return newest.substring(newest.indexOf('_') + 1, newest.length() - ".json".length());
    }
  }

  private static Map<String, String> filesUnder(Path root) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          files.put(root.relativize(file).toString(), Files.readString(file));
        }
      }
    }
    return files;
  }
}
