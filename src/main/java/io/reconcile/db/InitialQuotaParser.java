package io.reconcile.db;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.YamlMap;
import java.util.Optional;

/**
 * <pre>
 * - quotas-initial: astakos
 *   pithos_database: pithos                # Pithos account quotas (policy 'quota')
 *   pithos_default_quota: 5*1024*1024*1024 # the old Pithos default: accounts at it keep the new default
 *   cyclades_vms:                          # MAX_VMS_PER_USER and VMS_USER_QUOTA of 20-snf-cyclades-app-api.conf
 *     default: 3
 *     users: {'user1@example.org': 5, 'user2@example.org': 10}
 *   cyclades_networks: {default: 5, users: {'user1@example.org': 10}}   # MAX_NETWORKS_PER_USER, NETWORKS_USER_QUOTA
 * </pre>
 */
final class InitialQuotaParser implements SpecParser {
  private static final ImmutableSet<String> SETTINGS_KEYS = ImmutableSet.of("default", "users");

  @Override
  public String type() {
    return "quotas-initial";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of(DatabaseNames.ASTAKOS_KEY, DatabaseNames.PITHOS_KEY, "pithos_default_quota", "cyclades_vms", "cyclades_networks");
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String name = map.requireString(type());
    DatabaseNames names = DatabaseNames.parse(map, name);
    if (map.has("pithos_default_quota") && names.pithos().isEmpty()) {
      throw map.error("pithos_default_quota", "'pithos_default_quota' needs '" + DatabaseNames.PITHOS_KEY + "'");
    }
    InitialQuotaSpec.Settings vms = settings(map, "cyclades_vms");
    InitialQuotaSpec.Settings networks = settings(map, "cyclades_networks");
    if (names.pithos().isEmpty() && !map.has("cyclades_vms") && !map.has("cyclades_networks")) {
      throw map.error(type(), "quotas-initial needs a source: '" + DatabaseNames.PITHOS_KEY + "', 'cyclades_vms' or 'cyclades_networks'");
    }
    return new InitialQuotaSpec(name, names, Quantities.optional(map, "pithos_default_quota"), vms, networks);
  }

  private static InitialQuotaSpec.Settings settings(YamlMap map, String key) {
    Optional<YamlMap> settings = map.map(key);
    if (settings.isEmpty()) {
      return InitialQuotaSpec.Settings.none();
    }
    YamlMap s = settings.get();
    s.rejectUnknownKeys(SETTINGS_KEYS);
    ImmutableMap.Builder<String, java.math.BigInteger> users = ImmutableMap.builder();
    Optional<YamlMap> perUser = s.map("users");
    if (perUser.isPresent()) {
      for (String user : perUser.get().keys()) {
        if (user.isBlank() || user.contains(" ")) {
          throw perUser.get().error(user, "'" + user + "' is not an email or uuid");
        }
        users.put(user, Quantities.parse(perUser.get(), user, perUser.get().requireString(user)));
      }
    }
    return new InitialQuotaSpec.Settings(Quantities.optional(s, "default"), users.buildOrThrow());
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((InitialQuotaSpec) spec).name();
  }
}
