package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.resource.file.FileResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every host's template model sees every host's variables, through one `hostvars` shared by all of them. */
class TemplateModelTest {
  private static final List<HostTarget> HOSTS = List.of(
      new HostTarget("db1", ImmutableMap.of("port", "5432")),
      new HostTarget("web1", ImmutableMap.of("port", "80")),
      new HostTarget("web2", ImmutableMap.of("port", "8080")));
  private static final ImmutableMap<String, ImmutableList<String>> GROUPS =
      ImmutableMap.of("db", ImmutableList.of("db1"), "web", ImmutableList.of("web1", "web2"));

  @Test
  void aHostsModelHasItsVariablesItsNameTheGroupsAndEveryHostsVariables() {
    Map<String, Object> model = new TemplateModel(GROUPS, HOSTS).forHost(HOSTS.get(1));

    assertThat(model).containsEntry("port", "80").containsEntry("inventory_hostname", "web1")
        .containsEntry("groups", GROUPS);
    assertThat(model.get("hostvars")).isEqualTo(Map.of("db1", Map.of("port", "5432"), "web1", Map.of("port", "80"),
        "web2", Map.of("port", "8080")));
  }

  /** A copy per host would hold hosts x hosts entries: 9 million at 3000 hosts (docs/benchmarks.md). */
  @Test
  void everyHostsModelSharesOneUnmodifiableHostvars() {
    TemplateModel templates = new TemplateModel(GROUPS, HOSTS);

    Object first = templates.forHost(HOSTS.get(0)).get("hostvars");
    Object second = templates.forHost(HOSTS.get(2)).get("hostvars");

    assertThat(second).isSameAs(first);
    assertThat(templates.forHost(HOSTS.get(1)).get("groups")).isSameAs(templates.forHost(HOSTS.get(0)).get("groups"));
    @SuppressWarnings("unchecked")
    Map<String, Object> hostvars = (Map<String, Object>) first;
    assertThatThrownBy(() -> hostvars.put("db1", Map.of())).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aTemplateReadsAnotherHostsVariableThroughHostvars(@TempDir Path project) throws IOException {
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("states/10-main.yml"), """
        resources:
          - file: /etc/app.conf
            content: "DB = ${hostvars.db1.port}; ME = ${inventory_hostname}:${port}"
        """);

    DesiredState desired = LocalFleet.desired(project, HOSTS);

    FileResource file = (FileResource) desired.phases().get(0).resourcesOf("web2").get(0);
    assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("DB = 5432; ME = web2:8080");
  }
}
