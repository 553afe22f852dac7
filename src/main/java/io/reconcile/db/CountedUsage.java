package io.reconcile.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Usage as the services count it (what {@code cyclades-reset-usage} and {@code pithos-usage} send), per
 * owner as the service names it (an email before the uuid migration, a uuid after), one query each.
 * Entries are (owner, full resource name, amount); zero amounts are left out.
 */
final class CountedUsage {
  static final String PITHOS_RESOURCE = "pithos+.diskspace";
  static final List<String> CYCLADES_RESOURCES =
      List.of("cyclades.vm", "cyclades.cpu", "cyclades.ram", "cyclades.disk", "cyclades.network.private");

  /** Non-deleted VMs (count, cpu, ram MiB as bytes, disk GiB as bytes) and non-deleted private networks. */
  private static final String CYCLADES = """
      SELECT identity, sum(vm), sum(cpu), sum(ram), sum(disk), sum(net) FROM (
          SELECT v.userid AS identity, 1 AS vm, f.cpu, f.ram::numeric * 1048576 AS ram, f.disk::numeric * 1073741824 AS disk, 0 AS net
            FROM db_virtualmachine v JOIN db_flavor f ON f.id = v.flavor_id
           WHERE NOT v.deleted
          UNION ALL
          SELECT n.userid, 0, 0, 0, 0, 1 FROM db_network n WHERE NOT n.deleted AND n.userid IS NOT NULL) AS owned
       GROUP BY identity""";

  /** Bytes of the normal-cluster versions of every container and object below each account (pithos-usage). */
  private static final String PITHOS = """
      WITH accounts AS (SELECT node, path FROM nodes WHERE node <> 0 AND parent = 0),
      below AS (
          SELECT a.path, c.node FROM accounts a JOIN nodes c ON c.parent = a.node
          UNION ALL
          SELECT a.path, o.node FROM accounts a JOIN nodes c ON c.parent = a.node JOIN nodes o ON o.parent = c.node)
      SELECT a.path, coalesce(sum(v.size), 0)
        FROM accounts a
        LEFT JOIN below b ON b.path = a.path
        LEFT JOIN versions v ON v.node = b.node AND v.cluster = 0
       GROUP BY a.path""";

  private final List<String> identities = new ArrayList<>();
  private final List<String> resources = new ArrayList<>();
  private final List<BigDecimal> values = new ArrayList<>();

  void readCyclades(Connection cyclades) throws SQLException {
    try (PreparedStatement statement = cyclades.prepareStatement(CYCLADES); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        for (int i = 0; i < CYCLADES_RESOURCES.size(); i++) {
          add(rs.getString(1), CYCLADES_RESOURCES.get(i), rs.getBigDecimal(i + 2));
        }
      }
    }
  }

  void readPithos(Connection pithos) throws SQLException {
    try (PreparedStatement statement = pithos.prepareStatement(PITHOS); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        add(rs.getString(1), PITHOS_RESOURCE, rs.getBigDecimal(2));
      }
    }
  }

  private void add(String identity, String resource, BigDecimal value) {
    if (value.signum() != 0) {
      identities.add(identity);
      resources.add(resource);
      values.add(value);
    }
  }

  /** The three arrays, as bind parameters of {@code unnest(?::text[], ?::text[], ?::numeric[])}. */
  Object[] params() {
    return new Object[] {identities.toArray(String[]::new), resources.toArray(String[]::new), values.toArray(BigDecimal[]::new)};
  }
}
