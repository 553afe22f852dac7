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
  void undefinedVariableNamesTemplateFileLineAndHost() throws Exception {
    Files.writeString(templates.resolve("b.ftl"), "A = 1\nB = '${missing_token}'\n");
    assertThatThrownBy(() -> new TemplateRenderer(templates).renderFile("b.ftl", Map.of("inventory_hostname", "astakos1")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.describe())
            .isEqualTo(templates.getFileName() + "/b.ftl:2: undefined variable 'missing_token' for host astakos1"));
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
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.describe()).startsWith("states/x.yml:7: undefined variable 'nope'"));
  }

  @Test
  void templatesCannotReachJavaClasses() throws Exception {
    Files.writeString(templates.resolve("d.ftl"), "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
    assertThatThrownBy(() -> new TemplateRenderer(templates).renderFile("d.ftl", Map.of()))
        .isInstanceOf(InvalidInputException.class);
  }
}
