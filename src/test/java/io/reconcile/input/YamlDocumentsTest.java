package io.reconcile.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.SequenceNode;

class YamlDocumentsTest {
  @TempDir Path dir;

  /** SnakeYAML's scanner takes seconds (quadratic) to reach its limit inside one long scalar. */
  @Test
  void aDocumentOverTheSizeLimitIsRefusedAtOnceNamingTheLineWhereTheLimitIsReached() throws Exception {
    Path huge = dir.resolve("huge.yml");
    Files.writeString(huge, "resources:\n  - file: /tmp/x\n    content: \"" + "\u00e9".repeat(YamlDocuments.MAX_CODE_POINTS)
        + "\"\n");

    assertTimeout(Duration.ofSeconds(3), () -> assertThatThrownBy(() -> YamlDocuments.compose(huge, "huge.yml", "state file"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.getMessage()).isEqualTo("invalid YAML: The incoming YAML document exceeds the limit: "
              + YamlDocuments.MAX_CODE_POINTS + " code points.");
        }));
  }

  @Test
  void aDocumentJustUnderTheLimitIsRead() throws Exception {
    Path large = dir.resolve("large.yml");
    String item = "- " + "\u00e9".repeat(61) + "\n"; // 64 code points, 127 bytes
    Files.writeString(large, item.repeat(YamlDocuments.MAX_CODE_POINTS / item.length() - 1));

    assertThat(((SequenceNode) YamlDocuments.compose(large, "large.yml", "state file")).getValue())
        .hasSize(YamlDocuments.MAX_CODE_POINTS / item.length() - 1);
  }
}
