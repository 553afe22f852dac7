package io.reconcile.db.quotasinitial;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.quota.CountedUsage;
import io.reconcile.db.quota.Quantities;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.YamlMap;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * <pre>
 * - quotas-initial: astakos
 *   pithos_database: pithos                 # Pithos account quotas (policy 'quota')
 *   pithos_default_quota: 50*1024*1024*1024 # the old PITHOS_BACKEND_QUOTA (default: 0.12.5's, 50 GiB)
 *   pithos_unlimited_quota: 10^32           # what an old quota 0 (unlimited) becomes (no default)
 *   cyclades_vms:                           # MAX_VMS_PER_USER (default 3), VMS_USER_QUOTA (Cyclades' api.conf)
 *     default: 3
 *     users: {'user1@example.org': 5, 'user2@example.org': 10}
 *   cyclades_networks: {default: 5, users: {'user1@example.org': 10}}   # MAX_NETWORKS_PER_USER, NETWORKS_USER_QUOTA
 *   allow_decrease: [cyclades.vm]           # resources whose effective quota may go down (default: none)
 * </pre>
 */
public final class InitialQuotaParser implements SpecParser {
  private static final ImmutableSet<String> SETTINGS_KEYS = ImmutableSet.of("default", "users");

  @Override
  public String type() {
    return "quotas-initial";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of(DatabaseVariables.ASTAKOS_KEY, DatabaseVariables.PITHOS_KEY, "pithos_default_quota",
        "pithos_unlimited_quota", "cyclades_vms", "cyclades_networks", "allow_decrease");
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String name = map.requireString(type());
    DatabaseVariables names = DatabaseVariables.parse(map, name);
    for (String key : List.of("pithos_default_quota", "pithos_unlimited_quota")) {
      if (map.has(key) && names.pithos().isEmpty()) {
        throw map.error(key, "'" + key + "' needs '" + DatabaseVariables.PITHOS_KEY + "'");
      }
    }
    InitialQuotaSpec.Settings vms = settings(map, "cyclades_vms", InitialQuotaSpec.MAX_VMS_PER_USER);
    InitialQuotaSpec.Settings networks = settings(map, "cyclades_networks", InitialQuotaSpec.MAX_NETWORKS_PER_USER);
    if (names.pithos().isEmpty() && !map.has("cyclades_vms") && !map.has("cyclades_networks")) {
      throw map.error(type(), "quotas-initial needs a source: '" + DatabaseVariables.PITHOS_KEY + "', 'cyclades_vms' or 'cyclades_networks'");
    }
    ImmutableSet.Builder<String> decrease = ImmutableSet.builder();
    for (String resource : map.strings("allow_decrease")) {
      if (!MIGRATED.contains(resource)) {
        throw map.error("allow_decrease", "'allow_decrease' lists resources this invariant migrates ("
            + String.join(", ", MIGRATED) + "), not '" + resource + "'");
      }
      decrease.add(resource);
    }
    Optional<BigInteger> pithosDefault = names.pithos().isPresent()
        ? Optional.of(Quantities.optional(map, "pithos_default_quota").orElse(InitialQuotaSpec.PITHOS_BACKEND_QUOTA))
        : Optional.empty();
    return new InitialQuotaSpec(name, names, pithosDefault, Quantities.optional(map, "pithos_unlimited_quota"), vms,
        networks, decrease.build());
  }

  /** The resources the old per-user quotas become. */
  static final List<String> MIGRATED = List.of(InitialQuota.VM, InitialQuota.NETWORK, CountedUsage.PITHOS_RESOURCE);

  private static InitialQuotaSpec.Settings settings(YamlMap map, String key, BigInteger oldDefault) {
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
    return new InitialQuotaSpec.Settings(Optional.of(Quantities.optional(s, "default").orElse(oldDefault)),
        users.buildOrThrow());
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((InitialQuotaSpec) spec).name();
  }
}
