package io.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportDirectoryTest {
  private static final Path STATE = Path.of("/var/lib/reconcile");

  @Test
  void exportsGoUnderTheStateDirectoryUnlessAFlagOrAnsibleCfgSaysOtherwise() {
    assertThat(ExportDirectory.of(Optional.empty(), Optional.empty(), STATE)).isEqualTo(Path.of("/var/lib/reconcile/exports"));
    assertThat(ExportDirectory.of(Optional.empty(), Optional.of(Path.of("/srv/exports")), STATE)).isEqualTo(Path.of("/srv/exports"));
    assertThat(ExportDirectory.of(Optional.of(Path.of("/tmp/x")), Optional.of(Path.of("/srv/exports")), STATE))
        .isEqualTo(Path.of("/tmp/x"));
  }
}
