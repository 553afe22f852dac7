package io.reconcile.db.usersunique;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.DependentRows;
import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pithos accounts that spell one name differently ({@code pithos-manage-accounts --merge-accounts /
 * --delete-account}). Merge moves the other accounts' containers (or, for a container the keeping
 * account has too, their objects) under the keeping account, with their versions' modifying user, public
 * links, sharing groups and permissions ({@link PithosSharing}), account policies it lacks and
 * statistics; a path that exists on both sides refuses the merge, or with {@code pithos_collisions:
 * history} passes the keeper's object to the history as the real merge does ({@link PithosCollisions}).
 * Delete removes the other accounts with everything below them, their groups and permissions.
 */
final class PithosAccounts {
  static final List<String> TABLES = List.of("nodes", "versions", "policy", "statistics", "public", "groups", "xfeatures", "xfeaturevals");

  private static final String COLLISIONS = """
      WITH m(dup_node, dup_path, keep_path) AS (SELECT * FROM unnest(?::int[], ?::text[], ?::text[])),
      moved AS (
          SELECT m.dup_path, m.keep_path, m.keep_path || substr(o.path, length(m.dup_path) + 1) AS target
            FROM m JOIN nodes c ON c.parent = m.dup_node JOIN nodes o ON o.parent = c.node)
      SELECT dup_path, keep_path, substr(target, length(keep_path) + 2), among FROM (
          SELECT mv.*, (SELECT count(*) FROM moved y WHERE y.target = mv.target) > 1 AS among,
                 EXISTS (SELECT 1 FROM nodes x WHERE x.path = mv.target) AS in_keeper
            FROM moved mv) AS c
       WHERE in_keeper OR among
       ORDER BY 1, 3""";

  /**
   * Object paths that a merge meets twice: {@code blockers} (every such path when collisions are refused;
   * with history, only paths two merged accounts both hold), and per keeping account how many of its
   * objects pass to the history.
   */
  record Collisions(ImmutableList<String> blockers, Map<String, Integer> toHistory) {}

  /** (dup, keep) node pairs -> statistics of the keeping node increased by the dup's, cluster by cluster. */
  private static final String ADDED_STATISTICS = """
      (SELECT pair.keep AS node, d.cluster, sum(d.population) AS population, sum(d.size) AS size, max(d.mtime) AS mtime
         FROM statistics d JOIN (PAIRS) AS pair(dup, keep) ON pair.dup = d.node GROUP BY pair.keep, d.cluster)""";

  private final RowChanges pithos;
  private final Integer[] dupNodes;
  private final String[] dupPaths;
  private final Integer[] keepNodes;
  private final String[] keepPaths;

  PithosAccounts(RowChanges pithos, List<UsersFindings.Reduction> reductions) {
    this.pithos = pithos;
    List<Integer> dn = new ArrayList<>();
    List<String> dp = new ArrayList<>();
    List<Integer> kn = new ArrayList<>();
    List<String> kp = new ArrayList<>();
    for (UsersFindings.Reduction r : reductions) {
      r.others().forEach(o -> {
        dn.add(o.node());
        dp.add(o.name());
        kn.add(r.keeper().node());
        kp.add(r.keeper().name());
      });
    }
    dupNodes = dn.toArray(Integer[]::new);
    dupPaths = dp.toArray(String[]::new);
    keepNodes = kn.toArray(Integer[]::new);
    keepPaths = kp.toArray(String[]::new);
  }

  /** Object paths that exist in both accounts (or in two merged ones); {@code history}: the keeper's pass to history. */
  static Collisions collisions(Connection pithos, List<UsersFindings.Reduction> reductions, boolean history) throws SQLException {
    List<Integer> nodes = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<String> keepers = new ArrayList<>();
    reductions.forEach(r -> r.others().forEach(o -> {
      nodes.add(o.node());
      paths.add(o.name());
      keepers.add(r.keeper().name());
    }));
    Map<String, List<String>> byPair = new LinkedHashMap<>();
    Map<String, Integer> toHistory = new LinkedHashMap<>();
    try (PreparedStatement statement = pithos.prepareStatement(COLLISIONS)) {
      Sql.bind(statement, nodes.toArray(Integer[]::new), paths.toArray(String[]::new), keepers.toArray(String[]::new));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          if (history && !rs.getBoolean(4)) {
            toHistory.merge(rs.getString(2), 1, Integer::sum);
          } else {
            byPair.computeIfAbsent(rs.getString(1) + " into " + rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
          }
        }
      }
    }
    ImmutableList.Builder<String> blockers = ImmutableList.builder();
    byPair.forEach((pair, objects) -> blockers.add("pithos merge of " + pair + " refused: " + objects.size()
        + (history ? " object paths exist in two of the accounts merged into one (" : " object paths exist in both (")
        + String.join(", ", objects.subList(0, Math.min(5, objects.size()))) + (objects.size() > 5 ? ", ..." : "") + "); rename them, "
        + (history ? "or declare 'pithos: delete'" : "declare 'pithos_collisions: history', or declare 'pithos: delete'")));
    return new Collisions(blockers.build(), toHistory);
  }

  void merge() throws SQLException {
    Connection c = pithos.connection();
    Sql.update(c, "CREATE TEMPORARY TABLE reconcile_accounts (dup_node integer, dup_path text, keep_node integer, keep_path text) ON COMMIT DROP");
    Sql.update(c, "INSERT INTO reconcile_accounts SELECT * FROM unnest(?::int[], ?::text[], ?::int[], ?::text[])",
        dupNodes, dupPaths, keepNodes, keepPaths);
    // Containers both accounts have: the dup's objects go into the keeper's container of the same name.
    Sql.update(c, "CREATE TEMPORARY TABLE reconcile_containers (dup_container integer, keep_container integer, dup_path text,"
        + " keep_path text) ON COMMIT DROP");
    Sql.update(c, """
        INSERT INTO reconcile_containers
        SELECT d.node, k.node, m.dup_path, m.keep_path FROM reconcile_accounts m
          JOIN nodes d ON d.parent = m.dup_node
          JOIN nodes k ON k.parent = m.keep_node AND k.path = m.keep_path || substr(d.path, length(m.dup_path) + 1)""");
    // Containers only the dup has move as a whole.
    Sql.update(c, "CREATE TEMPORARY TABLE reconcile_moved (container integer, dup_path text, keep_path text, keep_node integer) ON COMMIT DROP");
    Sql.update(c, """
        INSERT INTO reconcile_moved
        SELECT d.node, m.dup_path, m.keep_path, m.keep_node FROM reconcile_accounts m JOIN nodes d ON d.parent = m.dup_node
         WHERE d.node NOT IN (SELECT dup_container FROM reconcile_containers)""");

    addStatistics("SELECT dup_container, keep_container FROM reconcile_containers");
    addStatistics("SELECT dup_node, keep_node FROM reconcile_accounts");
    // Objects both hold (only with pithos_collisions: history; refused otherwise): versions onto the keeper's.
    new PithosCollisions(pithos).merge();
    String moves = "t.parent IN (SELECT dup_container FROM reconcile_containers) AND t.node NOT IN (SELECT dup_object FROM reconcile_collisions)";
    pithos.rewrite("nodes", List.of("node"), moves, new Object[0], """
        UPDATE nodes AS t SET parent = rc.keep_container, path = rc.keep_path || substr(t.path, length(rc.dup_path) + 1)
          FROM reconcile_containers rc WHERE t.parent = rc.dup_container AND MOVES""".replace("MOVES", moves));
    pithos.rewrite("nodes", List.of("node"), "t.parent IN (SELECT container FROM reconcile_moved)", new Object[0], """
        UPDATE nodes AS t SET path = mv.keep_path || substr(t.path, length(mv.dup_path) + 1)
          FROM reconcile_moved mv WHERE t.parent = mv.container""");
    pithos.rewrite("nodes", List.of("node"), "t.node IN (SELECT container FROM reconcile_moved)", new Object[0], """
        UPDATE nodes AS t SET parent = mv.keep_node, path = mv.keep_path || substr(t.path, length(mv.dup_path) + 1)
          FROM reconcile_moved mv WHERE t.node = mv.container""");
    pithos.rewrite("versions", List.of("serial"), "t.muser IN (SELECT dup_path FROM reconcile_accounts)", new Object[0],
        "UPDATE versions AS t SET muser = m.keep_path FROM reconcile_accounts m WHERE t.muser = m.dup_path");
    pithos.rewrite("public", List.of("public_id"),
        "EXISTS (SELECT 1 FROM reconcile_accounts m WHERE left(t.path, length(m.dup_path) + 1) = m.dup_path || '/')", new Object[0], """
        UPDATE public AS t SET path = m.keep_path || substr(t.path, length(m.dup_path) + 1)
          FROM reconcile_accounts m WHERE left(t.path, length(m.dup_path) + 1) = m.dup_path || '/'""");
    moveAccountPolicies();
    new PithosSharing(pithos).merge();
    DependentRows.delete(pithos, "nodes", "t.node IN (SELECT dup_container FROM reconcile_containers)"
        + " OR t.node IN (SELECT dup_node FROM reconcile_accounts) OR t.node IN (SELECT dup_object FROM reconcile_collisions)");
  }

  void delete() throws SQLException {
    DependentRows.delete(pithos, "nodes", "t.node IN (SELECT n.node FROM nodes n WHERE n.node = ANY(?) OR n.parent = ANY(?)"
        + " OR n.parent IN (SELECT c.node FROM nodes c WHERE c.parent = ANY(?)))", dupNodes, dupNodes, dupNodes);
    pithos.delete("public", "EXISTS (SELECT 1 FROM unnest(?::text[]) AS d(path) WHERE left(t.path, length(d.path) + 1) = d.path || '/')",
        (Object) dupPaths);
    new PithosSharing(pithos).delete(dupPaths);
  }

  /** Statistics of each keeping node grow by its dups' (node, cluster rows; missing ones are inserted). */
  private void addStatistics(String pairs) throws SQLException {
    String added = ADDED_STATISTICS.replace("PAIRS", pairs);
    pithos.rewrite("statistics", List.of("node", "cluster"),
        "EXISTS (SELECT 1 FROM " + added + " AS a WHERE a.node = t.node AND a.cluster = t.cluster)", new Object[0],
        "UPDATE statistics AS t SET population = t.population + a.population, size = t.size + a.size,"
            + " mtime = greatest(t.mtime, a.mtime) FROM " + added + " AS a WHERE a.node = t.node AND a.cluster = t.cluster");
    pithos.insert("statistics", List.of("node", "cluster"), "INSERT INTO statistics AS t (node, population, size, mtime, cluster)"
        + " SELECT a.node, a.population, a.size, a.mtime, a.cluster FROM " + added + " AS a"
        + " WHERE NOT EXISTS (SELECT 1 FROM statistics s WHERE s.node = a.node AND s.cluster = a.cluster)"
        + " RETURNING row_to_json(t)::text");
  }

  /** Account policies (quota, versioning) the keeping account lacks come from a dup (the first one). */
  private void moveAccountPolicies() throws SQLException {
    Connection c = pithos.connection();
    Sql.update(c, "CREATE TEMPORARY TABLE reconcile_policies (dup_node integer, key text, keep_node integer, value text) ON COMMIT DROP");
    Sql.update(c, """
        INSERT INTO reconcile_policies
        SELECT DISTINCT ON (m.keep_node, p.key) p.node, p.key, m.keep_node, p.value
          FROM policy p JOIN reconcile_accounts m ON m.dup_node = p.node
         WHERE NOT EXISTS (SELECT 1 FROM policy k WHERE k.node = m.keep_node AND k.key = p.key)
         ORDER BY m.keep_node, p.key, p.node""");
    pithos.delete("policy", "(t.node, t.key) IN (SELECT dup_node, key FROM reconcile_policies)");
    pithos.insert("policy", List.of("node", "key"),
        "INSERT INTO policy AS t (node, key, value) SELECT keep_node, key, value FROM reconcile_policies RETURNING row_to_json(t)::text");
  }
}
