package io.reconcile.db.quotaslimits;

import com.google.common.collect.ImmutableSet;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.YamlMap;

/** <pre>- quotas-limits: astakos      # name; also the Astakos variable prefix unless 'database' says otherwise</pre> */
public final class LimitsParser implements SpecParser {
  @Override
  public String type() {
    return "quotas-limits";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of(DatabaseVariables.ASTAKOS_KEY);
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String name = map.requireString(type());
    return new LimitsSpec(name, DatabaseVariables.parse(map, name));
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((LimitsSpec) spec).name();
  }
}
