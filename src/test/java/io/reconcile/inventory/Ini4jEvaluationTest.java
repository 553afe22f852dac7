package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.InvalidFileFormatException;
import org.junit.jupiter.api.Test;

/**
 * Evaluation of ini4j 0.5.4 against Ansible's INI inventory grammar (decision record 0001).
 * Each test asserts what ini4j actually does with one grammar element, so the record's claims
 * are reproducible. "lenient" = emptyOption + globalSection + no escapes, the most permissive config.
 */
class Ini4jEvaluationTest {

  private static Ini load(String text, boolean lenient) throws IOException {
    Ini ini = new Ini();
    Config config = Config.getGlobal().clone();
    if (lenient) {
      config.setEmptyOption(true);
      config.setGlobalSection(true);
      config.setEscape(false);
    }
    ini.setConfig(config);
    ini.load(new StringReader(text));
    return ini;
  }

  @Test
  void bareHostNamesAreRejectedByDefaultAndBecomeValuelessKeysWhenLenient() throws IOException {
    String text = "[webservers]\nfoo.example.com\nbar.example.com\n";
    assertThatThrownBy(() -> load(text, false))
        .isInstanceOf(InvalidFileFormatException.class)
        .hasMessageContaining("line: 2");
    Ini ini = load(text, true);
    assertThat(ini.get("webservers").keySet()).containsExactly("foo.example.com", "bar.example.com");
  }

  @Test
  void hostLineWithSeveralVarsIsSplitAtTheFirstEqualsSign() throws IOException {
    Ini ini = load("[atlanta]\nhost1 http_port=80 maxRequestsPerChild=808\n", true);
    // One key "host1 http_port" holding the rest of the line: the host and its vars are lost.
    assertThat(ini.get("atlanta").keySet()).containsExactly("host1 http_port");
    assertThat(ini.get("atlanta", "host1 http_port")).isEqualTo("80 maxRequestsPerChild=808");
  }

  @Test
  void hostColonPortIsReadAsKeyValue() throws IOException {
    Ini ini = load("[g]\nbadwolf.example.com:5309\n", true);
    assertThat(ini.get("g", "badwolf.example.com")).isEqualTo("5309");
  }

  @Test
  void rangeIsCutAtTheColonInsideTheBrackets() throws IOException {
    Ini ini = load("[g]\nwww[01:50].example.com\n", true);
    assertThat(ini.get("g").keySet()).containsExactly("www[01");
  }

  @Test
  void quotedValuesKeepTheirQuotes() throws IOException {
    Ini ini = load("[g:vars]\nproxy=\"proxy.example.com\"\n", true);
    assertThat(ini.get("g:vars", "proxy")).isEqualTo("\"proxy.example.com\"");
  }

  @Test
  void childrenAndVarsSectionsParseAsPlainSections() throws IOException {
    Ini ini = load("[atlanta]\nhost1\n[southeast:children]\natlanta\n[southeast:vars]\nescape_pods=2\n", true);
    assertThat(ini.keySet()).containsExactly("atlanta", "southeast:children", "southeast:vars");
    assertThat(ini.get("southeast:vars", "escape_pods")).isEqualTo("2");
  }

  @Test
  void hostsBeforeAnySectionNeedTheGlobalSection() throws IOException {
    String text = "mail.example.com\n[webservers]\nfoo.example.com\n";
    assertThatThrownBy(() -> load(text, false)).isInstanceOf(InvalidFileFormatException.class);
    assertThat(load(text, true).get("?").keySet()).containsExactly("mail.example.com");
  }

  @Test
  void trailingCommentsStayInKeysAndValues() throws IOException {
    Ini ini = load("[g]\nhost1 # web\n[g:vars]\nx=1 ; one\n", true);
    assertThat(ini.get("g").keySet()).containsExactly("host1 # web");
    assertThat(ini.get("g:vars", "x")).isEqualTo("1 ; one");
  }

  @Test
  void entriesCarryNoLineNumbers() throws IOException {
    Ini ini = load("[g:vars]\nansible_port=abc\n", true);
    // Profile.Section exposes keys and values only: nothing to report "file:2" with.
    assertThat(ini.get("g:vars").getClass().getMethods())
        .extracting(java.lang.reflect.Method::getName)
        .noneMatch(name -> name.toLowerCase().contains("line"));
  }
}
