package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the history goes by default, and where its database password comes from. */
class HistoryOptionsTest {
  @TempDir Path dir;

  @Test
  void stateDirectoryFollowsFlagEnvironmentRootAndXdgInThatOrder() {
    Path home = Path.of(System.getProperty("user.home"));
    Map<String, String> env = Map.of(StateDirectory.ENV, "/srv/reconcile-state", "XDG_STATE_HOME", "/home/op/.state");
    assertThat(StateDirectory.resolve(Optional.of(Path.of("/flag")), env, true)).isEqualTo(Path.of("/flag"));
    assertThat(StateDirectory.resolve(Optional.empty(), env, true)).isEqualTo(Path.of("/srv/reconcile-state"));
    assertThat(StateDirectory.resolve(Optional.empty(), Map.of("XDG_STATE_HOME", "/home/op/.state"), true))
        .isEqualTo(Path.of("/var/lib/reconcile"));
    assertThat(StateDirectory.resolve(Optional.empty(), Map.of("XDG_STATE_HOME", "/home/op/.state"), false))
        .isEqualTo(Path.of("/home/op/.state/reconcile"));
    assertThat(StateDirectory.resolve(Optional.empty(), Map.of("XDG_STATE_HOME", "relative"), false))
        .as("the XDG spec ignores relative paths").isEqualTo(home.resolve(".local/state/reconcile"));
    assertThat(StateDirectory.resolve(Optional.empty(), Map.of(), false)).isEqualTo(home.resolve(".local/state/reconcile"));
  }

  @Test
  void thePasswordComesFromTheFileElseTheEnvironment() throws Exception {
    HistoryOptions options = new HistoryOptions();
    Map<String, String> env = Map.of(HistoryOptions.PASSWORD_ENV, "from-env");
    assertThat(options.password(env)).contains("from-env");
    assertThat(options.password(Map.of())).isEmpty();
    options.passwordFile = dir.resolve("password");
    Files.writeString(options.passwordFile, "from-file\nsecond line ignored\n");
    assertThat(options.password(env)).contains("from-file");
  }
}
