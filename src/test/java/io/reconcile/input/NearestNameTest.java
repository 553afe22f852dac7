package io.reconcile.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {
  private static final List<String> KEYS = List.of("template", "content", "owner", "group", "mode", "hosts");

  @Test
  void typosFindTheKeyMeant() {
    assertThat(NearestName.of("templat", KEYS)).contains("template");
    assertThat(NearestName.of("Owner", KEYS)).contains("owner");
    assertThat(NearestName.of("host", KEYS)).contains("hosts");
    assertThat(NearestName.hint("mdoe", KEYS)).isEqualTo(" (did you mean 'mode'?)");
  }

  @Test
  void farFromEveryKeyNothingIsSuggested() {
    assertThat(NearestName.of("listen_address", KEYS)).isEmpty();
    assertThat(NearestName.hint("zzz", KEYS)).isEmpty();
  }
}
