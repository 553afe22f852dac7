package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void splitsOnBlanksAndTabs() {
    assertThat(ShellWords.split("host1  http_port=80\tmaxRequestsPerChild=808"))
        .containsExactly("host1", "http_port=80", "maxRequestsPerChild=808");
  }

  @Test
  void quotesGroupBlanksAndJoinWithAdjacentText() {
    assertThat(ShellWords.split("h msg=\"hello world\" path='/a b'/c"))
        .containsExactly("h", "msg=hello world", "path=/a b/c");
  }

  @Test
  void unquotedHashStartsACommentEvenInsideAWord() {
    assertThat(ShellWords.split("h a=1 # note")).containsExactly("h", "a=1");
    assertThat(ShellWords.split("h pass=ab#cd")).containsExactly("h", "pass=ab");
    assertThat(ShellWords.split("h pass='ab#cd'")).containsExactly("h", "pass=ab#cd");
  }

  @Test
  void backslashEscapesOutsideQuotesAndOnlyQuoteOrBackslashInsideDoubleQuotes() {
    assertThat(ShellWords.split("h a=x\\ y")).containsExactly("h", "a=x y");
    assertThat(ShellWords.split("h a=\"q\\\"q\" b=\"c:\\d\" c='\\n'"))
        .containsExactly("h", "a=q\"q", "b=c:\\d", "c=\\n");
  }

  @Test
  void emptyQuotedStringIsAWord() {
    assertThat(ShellWords.split("h a=''")).containsExactly("h", "a=");
    assertThat(ShellWords.split("h ''")).containsExactly("h", "");
  }

  @Test
  void unclosedQuotesAreErrors() {
    assertThatThrownBy(() -> ShellWords.split("h a='x")).hasMessageContaining("no closing single quote");
    assertThatThrownBy(() -> ShellWords.split("h a=\"x")).hasMessageContaining("no closing double quote");
    assertThatThrownBy(() -> ShellWords.split("h a=x\\")).hasMessageContaining("backslash");
  }
}
