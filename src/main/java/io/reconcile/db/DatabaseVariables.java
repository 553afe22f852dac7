package io.reconcile.db;

import io.reconcile.db.engine.DatabaseEndpoint;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.engine.DatabaseRole;

import com.google.common.collect.ImmutableMap;
import io.reconcile.state.Declaration;
import io.reconcile.state.YamlMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which inventory variables name an invariant's databases: {@code database} (Astakos; default: the
 * declaration's name), {@code cyclades_database} and {@code pithos_database}, each a variable prefix
 * such that {@code <prefix>_db_url}, {@code <prefix>_db_user}, ... hold the connection settings.
 */
public record DatabaseVariables(String astakos, Optional<String> cyclades, Optional<String> pithos) {
  public static final String ASTAKOS_KEY = "database";
  public static final String CYCLADES_KEY = "cyclades_database";
  public static final String PITHOS_KEY = "pithos_database";
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public static DatabaseVariables parse(YamlMap map, String name) {
    String astakos = map.string(ASTAKOS_KEY).orElse(name);
    check(map, map.has(ASTAKOS_KEY) ? ASTAKOS_KEY : null, astakos);
    return new DatabaseVariables(astakos, optional(map, CYCLADES_KEY), optional(map, PITHOS_KEY));
  }

  private static Optional<String> optional(YamlMap map, String key) {
    Optional<String> prefix = map.string(key);
    prefix.ifPresent(p -> check(map, key, p));
    return prefix;
  }

  private static void check(YamlMap map, String key, String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw key == null
          ? map.error(ASTAKOS_KEY, "the name '" + prefix + "' is not a variable prefix; add 'database: <prefix>' (letters, digits, _)")
          : map.error(key, "'" + key + "' must be an inventory variable prefix (letters, digits, _), not '" + prefix + "'");
    }
  }

  /** The endpoints these variables resolve to in one host's variables (exit 65 on anything missing). */
  public DatabaseEndpoints resolve(Map<String, Object> model, Declaration declaration) {
    ImmutableMap.Builder<DatabaseRole, DatabaseEndpoint> endpoints = ImmutableMap.builder();
    endpoints.put(DatabaseRole.ASTAKOS, DatabaseEndpoint.resolve(astakos, model, declaration));
    cyclades.ifPresent(p -> endpoints.put(DatabaseRole.CYCLADES, DatabaseEndpoint.resolve(p, model, declaration)));
    pithos.ifPresent(p -> endpoints.put(DatabaseRole.PITHOS, DatabaseEndpoint.resolve(p, model, declaration)));
    return new DatabaseEndpoints(endpoints.buildOrThrow());
  }
}
