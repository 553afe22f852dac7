package io.reconcile.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableMap;
import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A `line` writes one line: its text is checked again once rendered for a host, where a value could break it. */
class RenderedLinesTest {
  @TempDir Path project;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
  }

  @Test
  void aLineWhoseRenderedTextHasALineBreakIsRefusedAtItsDeclaration() throws IOException {
    Files.writeString(project.resolve("states/10-main.yml"), """
        resources:
          - line: /etc/app.conf
            id: admin
            text: "ADMIN = ${admin?no_esc}"
        """);
    List<HostTarget> hosts = List.of(new HostTarget("h1", ImmutableMap.of("admin", "me\nROOT_SHELL = 1")));

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> LocalFleet.desired(project, hosts));

    assertThat(e).isNotNull();
    assertThat(e.describe()).isEqualTo("states/10-main.yml:2: line:admin: the text rendered for host h1 has a line break;"
        + " a line resource writes exactly one line");
  }
}
