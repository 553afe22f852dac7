package io.reconcile.db.quota;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage as the services count it (what {@code cyclades-reset-usage} and {@code pithos-usage} send), per
 * owner as the service names it (an email before the uuid migration, a uuid after), one query each. One
 * entry per owner: the amounts of {@link #RESOURCES}, in that order.
 */
public final class CountedUsage {
  public static final String PITHOS_RESOURCE = "pithos+.diskspace";
  public static final List<String> CYCLADES_RESOURCES =
      List.of("cyclades.vm", "cyclades.cpu", "cyclades.ram", "cyclades.disk", "cyclades.network.private");
  static final List<String> RESOURCES = List.of("cyclades.vm", "cyclades.cpu", "cyclades.ram", "cyclades.disk",
      "cyclades.network.private", PITHOS_RESOURCE);

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
          SELECT c.parent AS account, c.node FROM nodes c WHERE c.parent IN (SELECT node FROM accounts)
          UNION ALL
          SELECT c.parent, o.node FROM nodes c JOIN nodes o ON o.parent = c.node WHERE c.parent IN (SELECT node FROM accounts)),
      bytes AS (
          SELECT b.account, sum(v.size) AS size FROM below b JOIN versions v ON v.node = b.node AND v.cluster = 0 GROUP BY b.account)
      SELECT a.path, s.size FROM accounts a JOIN bytes s ON s.account = a.node WHERE s.size <> 0""";

  private final Map<String, BigDecimal[]> byOwner = new LinkedHashMap<>();

  public void readCyclades(Connection cyclades) throws SQLException {
    try (PreparedStatement statement = cyclades.prepareStatement(CYCLADES); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        BigDecimal[] amounts = amounts(rs.getString(1));
        for (int i = 0; i < CYCLADES_RESOURCES.size(); i++) {
          amounts[i] = amounts[i].add(rs.getBigDecimal(i + 2));
        }
      }
    }
  }

  public void readPithos(Connection pithos) throws SQLException {
    try (PreparedStatement statement = pithos.prepareStatement(PITHOS); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        BigDecimal[] amounts = amounts(rs.getString(1));
        amounts[5] = amounts[5].add(rs.getBigDecimal(2));
      }
    }
  }

  private BigDecimal[] amounts(String owner) {
    return byOwner.computeIfAbsent(owner, o -> {
      BigDecimal[] zeros = new BigDecimal[RESOURCES.size()];
      java.util.Arrays.fill(zeros, BigDecimal.ZERO);
      return zeros;
    });
  }

  /** Owners, then one numeric array per resource: bind parameters of {@code unnest(?::text[], ?::numeric[] x6)}. */
  public Object[] params() {
    Object[] params = new Object[1 + RESOURCES.size()];
    params[0] = byOwner.keySet().toArray(String[]::new);
    for (int i = 0; i < RESOURCES.size(); i++) {
      int column = i;
      params[1 + i] = byOwner.values().stream().map(a -> a[column]).toArray(BigDecimal[]::new);
    }
    return params;
  }
}
