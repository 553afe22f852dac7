package io.reconcile.state;

import io.reconcile.resource.ResourceTypes;
import io.reconcile.resource.file.FileSpec;
import io.reconcile.resource.line.LineSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLoaderTest {
  @TempDir Path project;
  private StateFiles files;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("templates/astakos.conf.ftl"), "TOKEN = '${token}'\n");
    files = new StateFiles(project.resolve("states"), project.resolve("templates"));
  }

  private void state(String name, String yaml) throws IOException {
    Files.writeString(project.resolve("states").resolve(name), yaml);
  }

  private InvalidInputException error(String yaml) throws IOException {
    state("10-bad.yml", yaml);
    return (InvalidInputException) catchInvalid();
  }

  private Throwable catchInvalid() {
    try {
      new StateLoader(ResourceTypes.parsers()).load(files);
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("expected invalid input");
  }

  @Test
  void loadsPhasesInFileOrderWithDefaultsAndOrderedRequires() throws IOException {
    state("20-config.yml", """
        phase: configure
        hosts: astakos
        tags: [config]
        resources:
          - file: /etc/synnefo/20-snf-astakos-app-settings.conf
            template: astakos.conf.ftl
            mode: "0640"
            group: synnefo
            notify: [restart-gunicorn]
          - line: /etc/apache2/sites-available/synnefo-ssl
            id: login-rewrite
            match: '^\\s*RewriteRule \\^/login'
            state: absent
          - line: /etc/synnefo/20-snf-astakos-app-settings.conf
            id: server-email
            setting: SERVER_EMAIL
            value: "'${server_email}'"
            replaces: ASTAKOS_DEFAULT_FROM_EMAIL
            require: file:/etc/synnefo/20-snf-astakos-app-settings.conf
        handlers:
          - handler: restart-gunicorn
            service: gunicorn
        """);
    state("10-packages.yml", """
        phase: packages
        resources:
          - service: gunicorn
            state: stopped
            require: [package:snf-common]
          - package: snf-common
            version: 0.13-1
            hosts: all:!ganeti
        """);
    StateBundle bundle = new StateLoader(ResourceTypes.parsers()).load(files);

    assertThat(bundle.phases()).extracting(Phase::name).containsExactly("packages", "configure");
    Phase packages = bundle.phases().get(0);
    assertThat(RequireGraph.order(packages.declarations())).extracting(d -> d.id().toString())
        .containsExactly("package:snf-common", "service:gunicorn");
    assertThat(packages.declarations().get(1).hosts()).isEqualTo("all:!ganeti");
    Declaration file = bundle.phases().get(1).declarations().get(0);
    assertThat(file.hosts()).isEqualTo("astakos");
    assertThat(file.tags()).containsExactly("config");
    assertThat(file.location()).isEqualTo(new Location("states/20-config.yml", 5));
    assertThat(((FileSpec) file.spec()).mode()).hasValue(0640);
    LineSpec setting = (LineSpec) bundle.phases().get(1).declarations().get(2).spec();
    assertThat(setting.text()).hasValue("SERVER_EMAIL = '${server_email}'");
    assertThat(setting.match().orElseThrow().matcher("ASTAKOS_DEFAULT_FROM_EMAIL = 'x'").find()).isTrue();
    assertThat(bundle.handlers()).containsKey("restart-gunicorn");
    assertThat(bundle.withTags(java.util.Set.of("config")).declarationCount()).isEqualTo(3);
  }

  @Test
  void aRenamedSettingKeepsItsValue() throws IOException {
    state("30-settings.yml", """
        resources:
          - line: /etc/synnefo/20-snf-astakos-app-settings.conf
            setting: SERVER_EMAIL
            renames: ASTAKOS_DEFAULT_FROM_EMAIL
          - line: /etc/x.conf
            id: backrefs
            match: '^(a)=(.*)$'
            text: '\\2=\\1'
            backrefs: true
        """);
    StateBundle bundle = new StateLoader(ResourceTypes.parsers()).load(files);
    LineSpec rename = (LineSpec) bundle.phases().get(0).declarations().get(0).spec();
    assertThat(rename.backrefs()).isTrue();
    assertThat(rename.text()).hasValue("\\1SERVER_EMAIL\\2");
    assertThat(rename.match().orElseThrow().matcher("  ASTAKOS_DEFAULT_FROM_EMAIL = 'x'").matches()).isTrue();
    assertThat(rename.match().orElseThrow().matcher("ASTAKOS_DEFAULT_FROM_EMAIL_X = 'x'").matches()).isFalse();
    assertThat(bundle.phases().get(0).declarations().get(0).id().toString())
        .isEqualTo("line:/etc/synnefo/20-snf-astakos-app-settings.conf#^(\\s*)ASTAKOS_DEFAULT_FROM_EMAIL(\\s*=.*)$");
    assertThat(((LineSpec) bundle.phases().get(0).declarations().get(1).spec()).backrefs()).isTrue();
  }

  @Test
  void renamesTakesNoValueAndBackrefsNeedMatchAndText() throws IOException {
    assertThat(error("""
        resources:
          - line: /etc/x.conf
            setting: SERVER_EMAIL
            renames: ASTAKOS_DEFAULT_FROM_EMAIL
            value: "'x'"
        """).describe()).startsWith("states/10-bad.yml:5: ").contains("'renames' keeps the old value");
    assertThat(error("""
        resources:
          - line: /etc/x.conf
            text: x
            backrefs: true
        """).describe()).startsWith("states/10-bad.yml:4: ").contains("'backrefs' needs 'match'");
  }

  @Test
  void unknownKeyNamesFileLineAndTheKeysExpected() throws IOException {
    InvalidInputException e = error("""
        resources:
          - package: snf-common
            versoin: 0.13-1
        """);
    assertThat(e.describe()).isEqualTo("states/10-bad.yml:3: unknown key 'versoin' (did you mean 'version'?) (expected one of: hosts, id, notify, package, require, state, tags, vars, version, when)");
  }

  @Test
  void duplicateKeysAreRejectedWithTheirLine() throws IOException {
    InvalidInputException e = error("""
        resources:
          - package: snf-common
            version: 0.13-1
            version: 0.12.5-1
        """);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).contains("duplicate key 'version'");
  }

  @Test
  void wrongTypesBadVersionsAndUnknownTypesAreRejected() throws IOException {
    assertThat(error("resources:\n  - package: [a, b]\n").describe()).isEqualTo("states/10-bad.yml:2: 'package' must be a text value");
    assertThat(error("resources:\n  - package: snf-common\n    version: latest!\n").describe())
        .isEqualTo("states/10-bad.yml:3: 'version' must be a Debian version such as 0.13-1, not 'latest!'");
    assertThat(error("resources:\n  - pakage: snf-common\n").getMessage()).startsWith("unknown resource type");
    assertThat(error("resources: {a: 1}\n").getMessage()).isEqualTo("'resources' must be a list");
    assertThat(error("resources:\n  - service: gunicorn\n    enabled: maybe\n").line()).isEqualTo(3);
  }

  @Test
  void missingTemplateUnknownHandlerUnknownRequireAndCyclesAreRejected() throws IOException {
    assertThat(error("resources:\n  - file: /etc/x\n    template: nope.ftl\n").getMessage()).contains("template 'nope.ftl' not found");
    assertThat(error("resources:\n  - file: /etc/x\n    template: ../../etc/passwd\n").getMessage()).contains("must be a path inside");
    assertThat(error("resources:\n  - package: a1\n    notify: [nope]\n").getMessage()).isEqualTo("notify names unknown handler 'nope'");
    assertThat(error("resources:\n  - package: a1\n    require: package:b1\n").getMessage()).isEqualTo("package:a1 requires unknown resource 'package:b1'");
    InvalidInputException cycle = error("""
        resources:
          - package: a1
            require: package:b1
          - package: b1
            require: package:a1
        """);
    assertThat(cycle.getMessage()).isEqualTo("require cycle: package:a1 -> package:b1 -> package:a1");
  }

  @Test
  void duplicateIdsAndUnguardedCommandsAreRejected() throws IOException {
    assertThat(error("resources:\n  - package: a1\n  - package: a1\n").getMessage()).contains("duplicate resource id 'package:a1'");
    assertThat(error("resources:\n  - command: snf-manage migrate\n").getMessage()).contains("needs a guard");
  }

  @Test
  void aliasBombsDeepNestingAndMalformedYamlAreInvalidInputNotCrashes() throws IOException {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
          .append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
    }
    assertThat(error(bomb.toString()).getMessage()).startsWith("invalid YAML");
    assertThat(error("resources: " + "[".repeat(200) + "]".repeat(200) + "\n").getMessage()).startsWith("invalid YAML");
    InvalidInputException malformed = error("resources:\n  - package: a1\n   version: 1\n");
    assertThat(malformed.line()).isEqualTo(3);
  }
}
