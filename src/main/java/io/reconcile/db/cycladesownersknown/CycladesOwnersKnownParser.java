package io.reconcile.db.cycladesownersknown;

import com.google.common.collect.ImmutableSet;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.YamlMap;

/**
 * <pre>
 * - cyclades-owners-known: astakos
 *   cyclades_database: cyclades   # whose VMs, networks and key pairs are checked
 * </pre>
 */
public final class CycladesOwnersKnownParser implements SpecParser {
  @Override
  public String type() {
    return "cyclades-owners-known";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of(DatabaseVariables.ASTAKOS_KEY, DatabaseVariables.CYCLADES_KEY);
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String name = map.requireString(type());
    DatabaseVariables names = DatabaseVariables.parse(map, name);
    if (names.cyclades().isEmpty()) {
      throw map.error(type(), type() + " needs '" + DatabaseVariables.CYCLADES_KEY + "': the database whose owners are checked");
    }
    return new CycladesOwnersKnownSpec(name, names);
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((CycladesOwnersKnownSpec) spec).name();
  }
}
