package io.reconcile.state;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.input.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads `states/*.yml` (in file name order) into a {@link StateBundle}, rejecting bad input with file
 * and line: unknown or duplicate keys, wrong types, bad values, unknown types, dangling references.
 *
 * <pre>
 * phase: packages          # optional, default "main"; phases run in order of first appearance
 * hosts: astakos           # default inventory pattern for the resources below
 * tags: [upgrade]
 * secrets: [db_password]   # variables to mask besides *token*, *password*, *secret*
 * resources:
 *   - package: snf-astakos-app
 *     version: 0.13-1
 *     notify: [restart-gunicorn]
 *   - service: gunicorn
 *     state: stopped
 *     when: dpkg --compare-versions "$(dpkg-query -W -f='${Version}' snf-common)" lt 0.13
 *   - file: /etc/synnefo/20-snf-pithos-app-settings.conf
 *     template: pithos/20-snf-pithos-app-settings.conf.ftl
 *     vars: {use_quotaholder: "False"}
 * handlers:
 *   - handler: restart-gunicorn
 *     service: gunicorn
 *     action: restart
 * </pre>
 */
public final class StateLoader {
  private static final ImmutableSet<String> FILE_KEYS =
      ImmutableSet.of("phase", "hosts", "tags", "secrets", "backup", "resources", "handlers", "description");
  private static final ImmutableSet<String> COMMON_KEYS = ImmutableSet.of("id", "hosts", "tags", "require", "notify", "when", "vars");
  private static final ImmutableSet<String> HANDLER_KEYS = ImmutableSet.of("handler", "service", "action", "command", "hosts");
  static final String DEFAULT_PHASE = "main";

  private final ImmutableMap<String, SpecParser> parsers;

  /** A loader of these resource types (io.reconcile.resource.ResourceTypes.parsers(): all there are). */
  public StateLoader(List<SpecParser> types) {
    parsers = types.stream().collect(ImmutableMap.toImmutableMap(SpecParser::type, Function.identity()));
  }

  public StateBundle load(StateFiles files) {
    Map<String, List<Declaration>> phases = new LinkedHashMap<>();
    Map<String, PhaseBackup> backups = new HashMap<>();
    Map<String, Handler> handlers = new LinkedHashMap<>();
    Set<String> secrets = new java.util.LinkedHashSet<>();
    Map<ResourceId, Declaration> byId = new HashMap<>();
    List<Pending> notifies = new ArrayList<>();
    for (Path path : files.stateFiles()) {
      String display = files.statesDir().getFileName() + "/" + path.getFileName();
      YamlMap doc = YamlFiles.read(path, display);
      doc.rejectUnknownKeys(FILE_KEYS);
      String phase = doc.string("phase").orElse(DEFAULT_PHASE);
      String hosts = doc.string("hosts").orElse("all");
      ImmutableList<String> tags = doc.strings("tags");
      secrets.addAll(doc.strings("secrets"));
      List<Declaration> declarations = phases.computeIfAbsent(phase, p -> new ArrayList<>());
      Optional<PhaseBackup> backup = backup(doc);
      if (backup.isPresent()) {
        PhaseBackup earlier = backups.putIfAbsent(phase, backup.get());
        if (earlier != null) {
          throw doc.error("backup", "phase '" + phase + "' already has a backup (declared at " + earlier.location() + ")");
        }
      }
      for (YamlMap item : doc.maps("resources")) {
        Declaration declaration = declaration(item, files, hosts, tags, phase);
        Declaration earlier = byId.putIfAbsent(declaration.id(), declaration);
        if (earlier != null) {
          throw new InvalidInputException(item.file(), item.line(),
              "duplicate resource id '" + declaration.id() + "' (first declared at " + earlier.location() + ")");
        }
        declarations.add(declaration);
        declaration.notifies().forEach(h -> notifies.add(new Pending(h, item)));
      }
      for (YamlMap item : doc.maps("handlers")) {
        Handler handler = handler(item);
        Handler earlier = handlers.putIfAbsent(handler.id(), handler);
        if (earlier != null) {
          throw item.error("handler", "duplicate handler '" + handler.id() + "' (first declared at " + earlier.location() + ")");
        }
      }
    }
    for (Pending pending : notifies) {
      if (!handlers.containsKey(pending.handler())) {
        throw pending.where().error("notify", "notify names unknown handler '" + pending.handler() + "'");
      }
    }
    ImmutableList<Phase> ordered = phases.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> new Phase(e.getKey(), ImmutableList.copyOf(e.getValue()), Optional.ofNullable(backups.get(e.getKey()))))
        .collect(ImmutableList.toImmutableList());
    ordered.forEach(StateLoader::checkOneKind);
    new RequireGraph(ordered).check();
    return new StateBundle(ordered, ImmutableMap.copyOf(handlers), ImmutableSet.copyOf(secrets));
  }

  private record Pending(String handler, YamlMap where) {}

  private static final java.util.regex.Pattern VARIABLE_PREFIX = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

  private static Optional<PhaseBackup> backup(YamlMap doc) {
    Optional<YamlMap> declared = doc.map("backup");
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    YamlMap backup = declared.get();
    backup.rejectUnknownKeys(ImmutableSet.of("databases", "hosts"));
    ImmutableList<String> databases = backup.strings("databases");
    if (databases.isEmpty()) {
      throw backup.error("databases", "a backup names the databases to dump, e.g. databases: [astakos, cyclades]");
    }
    for (String database : databases) {
      if (!VARIABLE_PREFIX.matcher(database).matches()) {
        throw backup.error("databases", "'" + database + "' is not a database variable prefix (as in <prefix>_db_url)");
      }
    }
    return Optional.of(new PhaseBackup(databases, backup.requireString("hosts"),
        new Location(backup.file(), backup.line())));
  }

  /** A phase holds host resources or database invariants, not both: their order never interleaves. */
  private static void checkOneKind(Phase phase) {
    boolean database = phase.declarations().get(0).spec() instanceof DatabaseSpec;
    for (Declaration d : phase.declarations()) {
      if ((d.spec() instanceof DatabaseSpec) != database) {
        throw new InvalidInputException(d.location().file(), d.location().line(), "phase '" + phase.name()
            + "' mixes database invariants and host resources; give the database invariants a phase of their own");
      }
    }
  }

  private Declaration declaration(YamlMap item, StateFiles files, String defaultHosts, List<String> fileTags, String phase) {
    List<String> typeKeys = item.keys().stream().filter(parsers::containsKey).collect(Collectors.toList());
    if (typeKeys.size() != 1) {
      String known = String.join(", ", parsers.keySet());
      throw new InvalidInputException(item.file(), item.line(), typeKeys.isEmpty()
          ? "unknown resource type: a resource starts with one of " + known + " (found: " + String.join(", ", item.keys()) + ")"
          : "a resource has exactly one type, found " + String.join(" and ", typeKeys));
    }
    SpecParser parser = parsers.get(typeKeys.get(0));
    item.rejectUnknownKeys(ImmutableSet.<String>builder().add(parser.type()).addAll(COMMON_KEYS).addAll(parser.keys()).build());
    ResourceSpec spec = parser.parse(item, files);
    String name = item.string("id").orElseGet(() -> parser.defaultName(spec));
    ImmutableList<ResourceId> requires = item.strings("require").stream()
        .map(text -> {
          try {
            return ResourceId.parse(text);
          } catch (IllegalArgumentException e) {
            throw item.error("require", e.getMessage());
          }
        })
        .collect(ImmutableList.toImmutableList());
    ImmutableSet<String> tags = ImmutableSet.<String>builder().addAll(fileTags).addAll(item.strings("tags")).build();
    if (spec instanceof DatabaseSpec && item.has("when")) {
      throw item.error("when", "'when' guards host resources; a database invariant always holds");
    }
    item.string("when").ifPresent(when -> Validation.checkShell(item, "when", when));
    return new Declaration(new ResourceId(parser.type(), name), spec, item.string("hosts").orElse(defaultHosts), tags,
        requires, item.strings("notify"), item.string("when"), item.stringMap("vars"), new Location(item.file(), item.line()));
  }

  private static Handler handler(YamlMap item) {
    item.rejectUnknownKeys(HANDLER_KEYS);
    String id = item.requireString("handler");
    Location location = new Location(item.file(), item.line());
    if (item.has("service") == item.has("command")) {
      throw item.error("handler", "a handler has exactly one of 'service' or 'command'");
    }
    if (item.has("command")) {
      Validation.checkShell(item, "command", item.requireString("command"));
      return Handler.command(id, item.requireString("command"), location);
    }
    String service = Validation.require(item, "service", Validation.SERVICE_NAME, "a service name");
    String action = item.string("action").orElse("restart");
    if (!Set.of("restart", "reload", "start", "stop").contains(action)) {
      throw item.error("action", "'action' must be restart, reload, start or stop, not '" + action + "'");
    }
    return Handler.serviceAction(id, service, action, location);
  }
}
