package io.reconcile.resource.file;

import io.reconcile.host.ShellResource;
import io.reconcile.resource.HostResourceType;
import io.reconcile.resource.Rendering;
import io.reconcile.state.Declaration;
import io.reconcile.state.SpecParser;
import java.nio.charset.StandardCharsets;

/** The `file` resource type. */
public final class FileType implements HostResourceType<FileSpec> {
  @Override
  public SpecParser parser() {
    return new FileParser();
  }

  @Override
  public Class<FileSpec> specType() {
    return FileSpec.class;
  }

  @Override
  public ShellResource render(Declaration declaration, FileSpec spec, Rendering rendering) {
    byte[] content = spec.template().map(rendering::file)
        .or(() -> spec.content().map(rendering::inline))
        .orElse("")
        .getBytes(StandardCharsets.UTF_8);
    return new FileResource(declaration, spec.path(), spec.ensure(), content, spec.owner(), spec.group(), spec.mode(),
        spec.secret(), spec.replaceLink());
  }
}
