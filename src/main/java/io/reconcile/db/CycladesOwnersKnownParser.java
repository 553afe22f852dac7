package io.reconcile.db;

import com.google.common.collect.ImmutableSet;
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
final class CycladesOwnersKnownParser implements SpecParser {
  @Override
  public String type() {
    return "cyclades-owners-known";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of(DatabaseNames.ASTAKOS_KEY, DatabaseNames.CYCLADES_KEY);
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String name = map.requireString(type());
    DatabaseNames names = DatabaseNames.parse(map, name);
    if (names.cyclades().isEmpty()) {
      throw map.error(type(), type() + " needs '" + DatabaseNames.CYCLADES_KEY + "': the database whose owners are checked");
    }
    return new CycladesOwnersKnownSpec(name, names);
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((CycladesOwnersKnownSpec) spec).name();
  }
}
