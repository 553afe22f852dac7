package io.reconcile.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {
  /** Values that would run code, split, expand or vanish if they reached the shell unquoted. */
  static List<String> hostileValues(String marker) {
    return List.of(
        "x'; touch " + marker + "; echo '$(id)",
        "$(touch " + marker + ")",
        "`touch " + marker + "`",
        "first line\nsecond; touch " + marker + "\n",
        "\"; touch " + marker + "; \"",
        "'",
        "''",
        "\\",
        "\\'",
        "${HOME} $PATH * ?",
        "~root",
        "-n",
        "",
        " leading and trailing ",
        "tab\there",
        "a > " + marker,
        "Ελληνικά € 日本",
        "!!");
  }

  @Test
  void safeWordsStayBareEverythingElseIsSingleQuoted() {
    assertThat(ShellQuote.quote("snf-astakos-app")).isEqualTo("snf-astakos-app");
    assertThat(ShellQuote.quote("/etc/synnefo/20-snf-astakos-app.conf")).isEqualTo("/etc/synnefo/20-snf-astakos-app.conf");
    assertThat(ShellQuote.quote("")).isEqualTo("''");
    assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
    assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(ShellQuote.quote("$(id)")).isEqualTo("'$(id)'");
  }

  @Test
  void commandQuotesEveryWord() {
    assertThat(ShellQuote.command("dpkg-query", "-W", "-f", "${Version}", "snf-common"))
        .isEqualTo("dpkg-query -W -f '${Version}' snf-common");
  }

  @Test
  void nulCannotBeAShellWord() {
    assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void localShGetsEveryHostileValueBackVerbatim() throws Exception {
    for (String value : hostileValues("/nonexistent-dir/pwned")) {
      Process sh = new ProcessBuilder("/bin/sh", "-c", ShellQuote.command("printf", "%s", value)).start();
      sh.getOutputStream().close();
      String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(sh.waitFor()).isZero();
      assertThat(out).isEqualTo(value);
    }
  }
}
