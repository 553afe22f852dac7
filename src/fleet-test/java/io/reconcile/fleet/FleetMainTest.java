package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Usage errors are found before anything touches Docker, and exit 64. */
class FleetMainTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = FleetMain.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "sideways t",
      "up",
      "up t",
      "up t --release 0.11",
      "up t --release 0.12 --ganeti many",
      "up t --release 0.12 --ganeti -1",
      "up t --release 0.12 --users 9",
      "up Bad_Name --release 0.12",
      "down",
      "down a/b"})
  void badUsageExits64(String args) {
    assertThat(run(args.isEmpty() ? new String[0] : args.split(" "))).isEqualTo(64);
    assertThat(err.toString()).isNotBlank();
  }

  @Test
  void unknownReleaseSaysWhichAreKnown() {
    run("up", "t", "--release", "0.11");

    assertThat(err.toString()).contains("0.12, 0.13");
  }
}
