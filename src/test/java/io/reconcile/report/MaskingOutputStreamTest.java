package io.reconcile.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The last line of defence on stdout and stderr: whole lines are masked, however the writer cut them up. */
class MaskingOutputStreamTest {
  private static final String SECRET = "Tk-straddling-0042";

  @Test
  void aSecretAcrossThePrintStreamsEightKibBufferIsMaskedWhole() {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    SecretMasker masker = SecretMasker.of(List.of(Map.of("app_token", SECRET)), Set.of());
    PrintStream out = new PrintStream(new MaskingOutputStream(target, () -> masker), true, StandardCharsets.UTF_8);
    // One long line (a JSON report on one line): the secret straddles byte 8192, where PrintStream flushes.
    String line = "x".repeat(8192 - SECRET.length() / 2) + SECRET + "\n";

    out.print(line);
    out.print("TOKEN=" + "y".repeat(20_000));
    out.close();

    String written = target.toString(StandardCharsets.UTF_8);
    assertThat(written).doesNotContain(SECRET).contains("x" + SecretMasker.MASK + "\n").endsWith("TOKEN=" + SecretMasker.MASK);
  }

  @Test
  void aStatusLineRedrawnWithACarriageReturnIsWrittenWithoutWaitingForANewline() {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new MaskingOutputStream(target, SecretMasker::byMeaning), true, StandardCharsets.UTF_8);

    out.print("\r\033[K[check] 1/3 hosts done\r");
    out.flush();

    assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("\r\033[K[check] 1/3 hosts done\r");
  }
}
