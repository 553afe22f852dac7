package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.resource.file.FileResource;
import io.reconcile.host.HostResource;
import io.reconcile.input.InvalidInputException;
import io.reconcile.state.Declaration;
import io.reconcile.state.Phase;
import io.reconcile.state.PhaseBackup;
import io.reconcile.db.engine.DatabaseEndpoint;
import io.reconcile.state.RequireGraph;
import io.reconcile.state.StateBundle;
import io.reconcile.template.MissingVariablesException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders every declaration for every host it targets; any template or variable error surfaces here, the
 * variables hosts lack all together.
 */
public final class DesiredStateBuilder {
  private final ResourceRenderer renderer;
  private final Function<String, Set<String>> hostsMatching;
  private final List<HostTarget> everyHost;
  private final TemplateModel templateModel;

  /**
   * @param hostsMatching the inventory's answer to a host pattern (names of selected hosts)
   * @param groups group name -> host names, for templates
   * @param everyHost all inventory hosts, for templates' `hostvars` (whatever --limit selected)
   */
  public DesiredStateBuilder(ResourceRenderer renderer, Function<String, Set<String>> hostsMatching,
      Map<String, ImmutableList<String>> groups, List<HostTarget> everyHost) {
    this.renderer = renderer;
    this.hostsMatching = hostsMatching;
    this.everyHost = everyHost;
    this.templateModel = new TemplateModel(groups, everyHost);
  }

  public DesiredState build(StateBundle bundle, List<HostTarget> hosts) {
    Map<String, Map<String, Object>> models = new LinkedHashMap<>();
    hosts.forEach(h -> models.put(h.name(), templateModel.forHost(h)));
    ImmutableList.Builder<DesiredState.PhaseState> phases = ImmutableList.builder();
    MissingVariables missing = new MissingVariables();
    for (Phase phase : bundle.phases()) {
      ImmutableList<Declaration> ordered = RequireGraph.order(phase.declarations());
      Map<String, ImmutableList.Builder<HostResource>> byHost = new LinkedHashMap<>();
      Map<String, Declaration> files = new HashMap<>(); // host + path -> the declaration of that file in this phase
      for (Declaration declaration : ordered) {
        Set<String> targeted = targets(declaration);
        for (HostTarget host : hosts) {
          if (targeted.contains(host.name())) {
            try {
              HostResource resource = renderer.render(declaration, models.get(host.name()));
              oneDeclarationPerFile(files, phase, host, resource);
              byHost.computeIfAbsent(host.name(), h -> ImmutableList.builder()).add(resource);
            } catch (MissingVariablesException e) {
              missing.add(host.name(), e); // reported with every other host's and declaration's, below
            }
          }
        }
      }
      ImmutableMap.Builder<String, ImmutableList<HostResource>> resources = ImmutableMap.builder();
      byHost.forEach((host, list) -> resources.put(host, list.build()));
      phases.add(new DesiredState.PhaseState(phase.name(), resources.build(), phase.backup().map(b -> backup(phase, b, hosts))));
    }
    missing.throwIfAny();
    return new DesiredState(phases.build(), bundle.handlers());
  }

  /** The phase's backup host (exactly one inventory host) and its databases, resolved from its variables. */
  private DesiredState.Backup backup(Phase phase, PhaseBackup backup, List<HostTarget> selected) {
    Set<String> named;
    try {
      named = hostsMatching.apply(backup.hosts());
    } catch (InvalidInputException | IllegalArgumentException e) {
      throw new InvalidInputException(backup.location().file(), backup.location().line(),
          "bad host pattern '" + backup.hosts() + "': " + e.getMessage());
    }
    if (named.size() != 1) {
      throw new InvalidInputException(backup.location().file(), backup.location().line(), "the backup of phase '"
          + phase.name() + "' needs exactly one host, '" + backup.hosts() + "' names " + named.size());
    }
    String name = named.iterator().next();
    HostTarget host = everyHost.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    Map<String, Object> model = templateModel.forHost(host);
    ImmutableList<DatabaseEndpoint> databases = backup.databases().stream()
        .map(prefix -> DatabaseEndpoint.resolve(prefix, model, backup.location(), "backup of phase '" + phase.name() + "'"))
        .collect(ImmutableList.toImmutableList());
    boolean isSelected = selected.stream().anyMatch(h -> h.name().equals(name));
    return new DesiredState.Backup(host, isSelected, databases);
  }

  /**
   * Two declarations of one file in one phase would undo each other on every run. Declarations with a
   * {@code when} guard are left to their guards (alternatives: one file this way or that).
   */
  private static void oneDeclarationPerFile(Map<String, Declaration> files, Phase phase, HostTarget host,
      HostResource resource) {
    if (resource instanceof FileResource file) {
      Declaration earlier = files.putIfAbsent(host.name() + "\0" + file.path(), file.declaration());
      if (earlier != null) {
        throw new InvalidInputException(file.declaration().location().file(), file.declaration().location().line(),
            "file " + file.path() + " for host " + host.name() + " is already declared in phase '" + phase.name()
                + "' at "
                + earlier.location() + ": one file has one declaration per phase");
      }
    }
  }

  private Set<String> targets(Declaration declaration) {
    try {
      return hostsMatching.apply(declaration.hosts());
    } catch (InvalidInputException | IllegalArgumentException e) {
      throw new InvalidInputException(declaration.location().file(), declaration.location().line(),
          "bad host pattern '" + declaration.hosts() + "': " + e.getMessage());
    }
  }
}
