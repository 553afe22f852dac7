package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IniValueTest {

  @Test
  void plainTextStaysAsWritten() {
    assertThat(IniValue.of("ntp.atlanta.example.com")).isEqualTo("ntp.atlanta.example.com");
    assertThat(IniValue.of("FALSE")).isEqualTo("FALSE");
    assertThat(IniValue.of("a b # not a literal, so kept")).isEqualTo("a b # not a literal, so kept");
  }

  @Test
  void pythonStringLiteralsLoseQuotesAndEscapes() {
    assertThat(IniValue.of("'03#pa33w0rd'")).isEqualTo("03#pa33w0rd");
    assertThat(IniValue.of("\"proxy.example.com\"")).isEqualTo("proxy.example.com");
    assertThat(IniValue.of("'tab\\there'")).isEqualTo("tab\there");
    assertThat(IniValue.of("'\\x41\\u00e9\\101'")).isEqualTo("Aé" + "A");
    assertThat(IniValue.of("'keep \\d'")).isEqualTo("keep \\d");
    assertThat(IniValue.of("r'c:\\dir'")).isEqualTo("c:\\dir");
    assertThat(IniValue.of("'''triple'''")).isEqualTo("triple");
  }

  @Test
  void commentAfterALiteralIsDropped() {
    assertThat(IniValue.of("8080 # all members of 'web' will inherit these")).isEqualTo("8080");
    assertThat(IniValue.of("True # vars in child groups override same in parent")).isEqualTo("True");
    assertThat(IniValue.of("'x' # note")).isEqualTo("x");
  }

  @Test
  void numbersAndKeywordsAreKeptAsWritten() {
    assertThat(IniValue.of("0022")).isEqualTo("0022");
    assertThat(IniValue.of("-1.50")).isEqualTo("-1.50");
    assertThat(IniValue.of("None")).isEqualTo("None");
  }

  @Test
  void textThatIsNotOneLiteralIsKept() {
    assertThat(IniValue.of("'a' 'b'")).isEqualTo("'a' 'b'");
    assertThat(IniValue.of("'unclosed")).isEqualTo("'unclosed");
    assertThat(IniValue.of("'bad \\x4'")).isEqualTo("'bad \\x4'");
    assertThat(IniValue.of("it's")).isEqualTo("it's");
  }
}
