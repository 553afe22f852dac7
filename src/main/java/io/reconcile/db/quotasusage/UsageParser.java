package io.reconcile.db.quotasusage;

import com.google.common.collect.ImmutableSet;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.YamlMap;

/**
 * <pre>
 * - quotas-usage: astakos
 *   cyclades_database: cyclades   # counts VMs, cpu, ram, disk, private networks
 *   pithos_database: pithos       # counts bytes per account
 * </pre>
 */
public final class UsageParser implements SpecParser {
  @Override
  public String type() {
    return "quotas-usage";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of(DatabaseVariables.ASTAKOS_KEY, DatabaseVariables.CYCLADES_KEY, DatabaseVariables.PITHOS_KEY);
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String name = map.requireString(type());
    DatabaseVariables names = DatabaseVariables.parse(map, name);
    if (names.cyclades().isEmpty() && names.pithos().isEmpty()) {
      throw map.error(type(), "quotas-usage needs '" + DatabaseVariables.CYCLADES_KEY + "' or '" + DatabaseVariables.PITHOS_KEY
          + "' (or both): the databases whose usage is counted");
    }
    return new UsageSpec(name, names);
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((UsageSpec) spec).name();
  }
}
