package io.reconcile.resource;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.types.DatabaseTypes;
import io.reconcile.host.GuardedResource;
import io.reconcile.host.HostResource;
import io.reconcile.host.ShellResource;
import io.reconcile.resource.command.CommandType;
import io.reconcile.resource.file.FileType;
import io.reconcile.resource.line.LineType;
import io.reconcile.resource.pkg.PackageType;
import io.reconcile.resource.service.ServiceType;
import io.reconcile.state.DatabaseSpec;
import io.reconcile.state.Declaration;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.template.TemplateRenderer;
import java.util.HashMap;
import java.util.Map;

/** Every resource type a state file can declare: the host resource types and the database invariants. */
public final class ResourceTypes {
  /** The host resource types. Adding one is one line here (docs/architecture.md, "A new resource type"). */
  private static final ImmutableList<HostResourceType<?>> HOST_TYPES = ImmutableList.of(
      new PackageType(),
      new FileType(),
      new LineType(),
      new ServiceType(),
      new CommandType());

  private ResourceTypes() {}

  /** The parsers of every type, for {@link io.reconcile.state.StateLoader}. */
  public static ImmutableList<SpecParser> parsers() {
    return ImmutableList.<SpecParser>builder()
        .addAll(HOST_TYPES.stream().map(HostResourceType::parser).iterator())
        .addAll(DatabaseTypes.parsers())
        .build();
  }

  /** A declaration made concrete for one host, guarded by its `when` command if it has one. */
  public static HostResource render(Declaration declaration, TemplateRenderer templates, Map<String, Object> hostModel) {
    Map<String, Object> model = hostModel;
    if (!declaration.vars().isEmpty()) {
      model = new HashMap<>(hostModel);
      model.putAll(declaration.vars());
    }
    ResourceSpec spec = declaration.spec();
    if (spec instanceof DatabaseSpec database) {
      return DatabaseTypes.render(declaration, database, model);
    }
    ShellResource resource = renderHost(declaration, spec, new Rendering(templates, declaration, model));
    return declaration.when().<ShellResource>map(when -> new GuardedResource(resource, when)).orElse(resource);
  }

  private static ShellResource renderHost(Declaration declaration, ResourceSpec spec,
      Rendering rendering) {
    for (HostResourceType<?> type : HOST_TYPES) {
      if (type.specType().isInstance(spec)) {
        return renderAs(type, declaration, spec, rendering);
      }
    }
    throw new IllegalArgumentException("no resource type registered for " + spec.getClass().getName());
  }

  private static <S extends ResourceSpec> ShellResource renderAs(HostResourceType<S> type, Declaration declaration,
      ResourceSpec spec, Rendering rendering) {
    return type.render(declaration, type.specType().cast(spec), rendering);
  }
}
