package io.reconcile.db.usersunique;

import com.google.common.collect.ImmutableSet;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.YamlMap;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * <pre>
 * - users-unique: astakos
 *   cyclades_database: cyclades      # optional: also merge or delete Cyclades owners
 *   pithos_database: pithos          # optional: also merge or delete Pithos accounts
 *   survivor: active-then-oldest     # or oldest, newest, active-then-newest (default active-then-oldest)
 *   keep: [12, 40]                   # optional: Astakos user ids that survive in their groups
 *   cyclades: merge                  # or delete (default merge)
 *   pithos: merge                    # or delete (default merge)
 *   pithos_collisions: history       # or refuse (default): a path both accounts hold
 * </pre>
 */
public final class UsersUniqueParser implements SpecParser {
  @Override
  public String type() {
    return "users-unique";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of(DatabaseVariables.ASTAKOS_KEY, DatabaseVariables.CYCLADES_KEY, DatabaseVariables.PITHOS_KEY, "survivor", "keep",
        "cyclades", "pithos", "pithos_collisions");
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String name = map.requireString(type());
    DatabaseVariables names = DatabaseVariables.parse(map, name);
    SurvivorRule rule = map.string("survivor").map(text -> SurvivorRule.parse(text).orElseThrow(() -> map.error("survivor",
        "'survivor' must be one of " + Arrays.stream(SurvivorRule.values()).map(SurvivorRule::label).collect(Collectors.joining(", "))
            + ", not '" + text + "'"))).orElse(SurvivorRule.ACTIVE_THEN_OLDEST);
    ImmutableSet.Builder<Integer> keep = ImmutableSet.builder();
    for (String id : map.strings("keep")) {
      if (!id.matches("[0-9]{1,9}")) {
        throw map.error("keep", "'keep' lists Astakos user ids (numbers), not '" + id + "'");
      }
      keep.add(Integer.parseInt(id));
    }
    return new UsersUniqueSpec(name, names, rule, keep.build(), strategy(map, "cyclades", names.cyclades().isPresent()),
        strategy(map, "pithos", names.pithos().isPresent()), collisions(map, names.pithos().isPresent()));
  }

  private static UsersUniqueSpec.Collisions collisions(YamlMap map, boolean pithosDeclared) {
    if (map.has("pithos_collisions") && !pithosDeclared) {
      throw map.error("pithos_collisions", "'pithos_collisions' needs 'pithos_database'");
    }
    return map.string("pithos_collisions").map(text -> switch (text) {
      case "refuse" -> UsersUniqueSpec.Collisions.REFUSE;
      case "history" -> UsersUniqueSpec.Collisions.HISTORY;
      default -> throw map.error("pithos_collisions",
          "'pithos_collisions' must be refuse or history, not '" + text + "'");
    }).orElse(UsersUniqueSpec.Collisions.REFUSE);
  }

  private static UsersUniqueSpec.Strategy strategy(YamlMap map, String key, boolean databaseDeclared) {
    if (map.has(key) && !databaseDeclared) {
      throw map.error(key, "'" + key + "' needs '" + key + "_database' (the database to merge or delete in)");
    }
    return map.string(key).map(text -> switch (text) {
      case "merge" -> UsersUniqueSpec.Strategy.MERGE;
      case "delete" -> UsersUniqueSpec.Strategy.DELETE;
      default -> throw map.error(key, "'" + key + "' must be merge or delete, not '" + text + "'");
    }).orElse(UsersUniqueSpec.Strategy.MERGE);
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((UsersUniqueSpec) spec).name();
  }
}
