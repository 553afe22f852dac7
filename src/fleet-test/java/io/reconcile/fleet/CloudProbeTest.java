package io.reconcile.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.ssh.CommandResult;
import org.junit.jupiter.api.Test;

class CloudProbeTest {
  @Test
  void readsOneStepPerLineAndTheSummary() {
    CloudProbe.Result result = CloudProbe.parse(new CommandResult(1, """
        authenticate 200 {"uniq": "a@example.org"}
        create-server 413 {"overLimit": {"code": 413, "message": "Server count limit exceeded for your account."}}
        upload 201 (empty)
        cloud-works: FAILED (create-server)
        """.getBytes(UTF_8), new byte[0]));

    assertThat(result.works()).isFalse();
    assertThat(result.steps()).extracting(CloudProbe.Step::name)
        .containsExactly("authenticate", "create-server", "upload");
    assertThat(result.step("create-server").orElseThrow().status()).isEqualTo(413);
    assertThat(result.step("create-server").orElseThrow().body()).contains("Server count limit exceeded");
    assertThat(result.summary()).isEqualTo("cloud-works: FAILED (create-server)");
  }

  @Test
  void theLastOfRepeatedStepsIsTheOneReported() {
    CloudProbe.Result result = CloudProbe.parse(new CommandResult(0, """
        create-network 202 {"network": {"id": "1"}}
        create-network 413 {"overLimit": {}}
        cloud-works: ok
        """.getBytes(UTF_8), new byte[0]));

    assertThat(result.works()).isTrue();
    assertThat(result.step("create-network").orElseThrow().status()).isEqualTo(413);
  }
}
