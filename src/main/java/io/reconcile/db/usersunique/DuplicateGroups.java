package io.reconcile.db.usersunique;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names that are equal but for case, as each database has them: Astakos accounts by email, Cyclades
 * owners, Pithos accounts. Each query returns only the duplicates (set-based, one round trip).
 */
final class DuplicateGroups {
  private DuplicateGroups() {}

  /** A service's spelling of a name, with what it owns (three counts) and, in Pithos, its account node. */
  record Spelling(String name, long first, long second, long third, int node) {}

  /**
   * im_astakosuser.uuid as text, NULL where the column does not exist: 0.12.5 has none (0.13's migration
   * 0015 adds it), and users-unique runs before the migrations as well as in later drift checks.
   */
  private static final String UUID = "(to_jsonb(a) ->> 'uuid')";

  private static final String ASTAKOS = """
      SELECT lower(u.email), u.id, u.email, u.is_active, u.date_joined, UUID
        FROM auth_user u LEFT JOIN im_astakosuser a ON a.user_ptr_id = u.id
       WHERE lower(u.email) IN (SELECT lower(email) FROM auth_user GROUP BY lower(email) HAVING count(*) > 1)
       ORDER BY 1, 2""".replace("UUID", UUID);

  private static final String ACCOUNTS_OF_KEYS = """
      SELECT k.key, u.id, u.email, u.is_active, u.date_joined, UUID
        FROM unnest(?::text[]) AS k(key) JOIN auth_user u ON lower(u.email) = k.key LEFT JOIN im_astakosuser a ON a.user_ptr_id = u.id
      UNION
      SELECT k.key, u.id, u.email, u.is_active, u.date_joined, UUID
        FROM unnest(?::text[]) AS k(key) JOIN im_astakosuser a ON lower(UUID) = k.key JOIN auth_user u ON u.id = a.user_ptr_id
       ORDER BY 1, 2""".replace("UUID", UUID);

  private static final String CYCLADES = """
      WITH owners AS (
          SELECT userid AS name, 1 AS vms, 0 AS networks, 0 AS keys FROM db_virtualmachine
          UNION ALL SELECT userid, 0, 1, 0 FROM db_network WHERE userid IS NOT NULL
          UNION ALL SELECT "user", 0, 0, 1 FROM userdata_publickeypair),
      per_name AS (SELECT name, sum(vms) AS vms, sum(networks) AS networks, sum(keys) AS keys FROM owners GROUP BY name)
      SELECT lower(name), name, vms, networks, keys, 0 FROM per_name
       WHERE lower(name) IN (SELECT lower(name) FROM per_name GROUP BY lower(name) HAVING count(*) > 1)
       ORDER BY 1, 2""";

  private static final String PITHOS = """
      WITH accounts AS (SELECT node, path FROM nodes WHERE node <> 0 AND parent = 0),
      dups AS (SELECT * FROM accounts WHERE lower(path) IN (SELECT lower(path) FROM accounts GROUP BY lower(path) HAVING count(*) > 1))
      SELECT lower(d.path), d.path,
             (SELECT count(*) FROM nodes c WHERE c.parent = d.node),
             (SELECT count(*) FROM nodes c JOIN nodes o ON o.parent = c.node WHERE c.parent = d.node),
             (SELECT coalesce(sum(v.size), 0) FROM nodes c JOIN nodes o ON o.parent = c.node
                JOIN versions v ON v.node = o.node AND v.cluster = 0 WHERE c.parent = d.node),
             d.node
        FROM dups d ORDER BY 1, 2""";

  /** Astakos accounts whose emails are equal but for case, by lower(email). */
  static Map<String, List<AstakosAccount>> astakos(Connection astakos) throws SQLException {
    try (PreparedStatement statement = astakos.prepareStatement(ASTAKOS)) {
      return accounts(statement);
    }
  }

  /** Astakos accounts whose lower(email) or lower(uuid) is one of {@code keys}, by that key. */
  static Map<String, List<AstakosAccount>> accountsOf(Connection astakos, List<String> keys) throws SQLException {
    try (PreparedStatement statement = astakos.prepareStatement(ACCOUNTS_OF_KEYS)) {
      Sql.bind(statement, keys.toArray(String[]::new), keys.toArray(String[]::new));
      return accounts(statement);
    }
  }

  /** Cyclades owners (VMs, networks, key pairs counted) equal but for case, by lower(name). */
  static Map<String, ImmutableList<Spelling>> cyclades(Connection cyclades) throws SQLException {
    return spellings(cyclades, CYCLADES);
  }

  /** Pithos accounts (containers, objects, bytes) equal but for case, by lower(path). */
  static Map<String, ImmutableList<Spelling>> pithos(Connection pithos) throws SQLException {
    return spellings(pithos, PITHOS);
  }

  private static Map<String, List<AstakosAccount>> accounts(PreparedStatement statement) throws SQLException {
    Map<String, List<AstakosAccount>> groups = new LinkedHashMap<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new AstakosAccount(rs.getInt(2), rs.getString(3),
            rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class), Optional.ofNullable(rs.getString(6)).filter(u -> !u.isEmpty())));
      }
    }
    return groups;
  }

  private static Map<String, ImmutableList<Spelling>> spellings(Connection connection, String sql) throws SQLException {
    Map<String, ImmutableList.Builder<Spelling>> groups = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        groups.computeIfAbsent(rs.getString(1), k -> ImmutableList.builder())
            .add(new Spelling(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getInt(6)));
      }
    }
    Map<String, ImmutableList<Spelling>> built = new LinkedHashMap<>();
    groups.forEach((key, builder) -> built.put(key, builder.build()));
    return built;
  }
}
