package io.reconcile.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.input.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRendererTest {
  @TempDir Path templates;

  @Test
  void rendersVariablesListsAndKeepsTextByteForByte() throws Exception {
    Files.writeString(templates.resolve("a.conf.ftl"), """
        # managed by reconcile
        URL = '${url}'
        <#list groups["cyclades"] as h>
        HOST = '${h}'
        </#list>
        TAB\tEND
        """);
    String out = new TemplateRenderer(templates).renderFile("a.conf.ftl",
        Map.of("url", "https://x/q", "groups", Map.of("cyclades", List.of("c1", "c2")), "inventory_hostname", "h"));
    assertThat(out).isEqualTo("# managed by reconcile\nURL = 'https://x/q'\nHOST = 'c1'\nHOST = 'c2'\nTAB\tEND\n");
  }

  @Test
  void everyUndefinedVariableIsFoundWithItsLine() throws Exception {
    Files.writeString(templates.resolve("b.ftl"), """
        <#function py text><#return "'" + text + "'"></#function>
        A = 1
        B = '${missing_token}'
        C = ${py(missing_url)}
        D = ${py(present)}
        E = '${missing_token}'
        """);
    String file = templates.getFileName() + "/b.ftl";
    assertThatThrownBy(() -> new TemplateRenderer(templates).renderFile("b.ftl", Map.of("present", "x")))
        .isInstanceOfSatisfying(MissingVariablesException.class, e -> assertThat(e.missing()).containsExactly(
            new MissingVariablesException.Missing("missing_token", file, 3),
            new MissingVariablesException.Missing("missing_url", file, 4)));
  }

  @Test
  void aVariableThatIsPresentRendersWhateverOthersLack() throws Exception {
    Files.writeString(templates.resolve("e.ftl"), "<#if optional??>${optional}<#else>none</#if> ${present}\n");
    assertThat(new TemplateRenderer(templates).renderFile("e.ftl", Map.of("present", "p"))).isEqualTo("none p\n");
  }

  @Test
  void syntaxErrorNamesTheLine() throws Exception {
    Files.writeString(templates.resolve("c.ftl"), "ok\n<#if x>\nno end\n");
    assertThatThrownBy(() -> new TemplateRenderer(templates).renderFile("c.ftl", Map.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.getMessage()).startsWith("template syntax error");
          assertThat(e.line()).isGreaterThan(0);
        });
  }

  @Test
  void inlineTextReportsTheStateFileLine() {
    TemplateRenderer renderer = new TemplateRenderer(templates);
    assertThat(renderer.renderInline("SERVER_EMAIL = '${mail}'", Map.of("mail", "a@b"), "states/x.yml", 7))
        .isEqualTo("SERVER_EMAIL = 'a@b'");
    assertThat(renderer.renderInline("plain $HOME text", Map.of(), "states/x.yml", 7)).isEqualTo("plain $HOME text");
    assertThatThrownBy(() -> renderer.renderInline("X = ${nope}", Map.of(), "states/x.yml", 7))
        .isInstanceOfSatisfying(MissingVariablesException.class, e -> assertThat(e.missing())
            .containsExactly(new MissingVariablesException.Missing("nope", "states/x.yml", 7)));
  }

  @Test
  void templatesCannotReachJavaClasses() throws Exception {
    // FreeMarker's ?new instantiates any TemplateModel class unless told not to; Execute runs a shell command.
    Path ran = templates.resolve("ran");
    Files.writeString(templates.resolve("d.ftl"), "ok\n<#assign ex = \"freemarker.template.utility.Execute\"?new()>"
        + "${ex(\"touch " + ran + "\")}");
    assertThatThrownBy(() -> new TemplateRenderer(templates).renderFile("d.ftl", Map.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.file()).endsWith("d.ftl");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.getMessage()).contains("freemarker.template.utility.Execute", "not allowed");
        });
    assertThat(ran).as("the command never ran").doesNotExist();
  }
}
