package io.reconcile.db.usersunique;

import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.Sql;
import java.sql.SQLException;
import java.util.List;

/**
 * Objects a dup account and its keeping account both hold (same container, same name), merged as
 * {@code pithos-manage-accounts --merge-accounts} does: the dup's object is copied onto the keeper's, so
 * its current version becomes the current one and the keeper's passes to the history (cluster 1), with
 * every version's history kept (13:snf-pithos-app/pithos/api/swiss_army/__init__.py:139-200: "a new
 * version with the contents of the source object will be created and the one in the destination
 * container will pass to history"). Here the dup's versions themselves move to the keeper's object (its
 * modification time and content kept) instead of a copy. Statistics follow: per collision, the keeper's
 * container and account count one object and its bytes less in cluster 0 and more in cluster 1.
 *
 * <p>Runs inside the merge, before the dup's objects move (temporary tables reconcile_accounts and
 * reconcile_containers exist); leaves reconcile_collisions(dup_object) for the merge to skip and delete.
 */
final class PithosCollisions {
  private final RowChanges pithos;

  PithosCollisions(RowChanges pithos) {
    this.pithos = pithos;
  }

  void merge() throws SQLException {
    Sql.update(pithos.connection(), """
        CREATE TEMPORARY TABLE reconcile_collisions ON COMMIT DROP AS
        SELECT o.node AS dup_object, k.node AS keep_object, o.latest_version AS dup_latest, rc.keep_container,
               m.keep_node AS keep_account, cur.size AS demoted_size, cur.serial AS demoted
          FROM reconcile_containers rc
          JOIN reconcile_accounts m ON m.dup_path = rc.dup_path
          JOIN nodes o ON o.parent = rc.dup_container
          JOIN nodes k ON k.parent = rc.keep_container
                      AND k.path = rc.keep_path || substr(o.path, length(rc.dup_path) + 1)
          LEFT JOIN versions cur ON cur.node = k.node AND cur.cluster = 0""");
    pithos.rewrite("versions", List.of("serial"), "t.serial IN (SELECT demoted FROM reconcile_collisions)",
        new Object[0], "UPDATE versions AS t SET cluster = 1"
            + " WHERE t.serial IN (SELECT demoted FROM reconcile_collisions)");
    pithos.rewrite("versions", List.of("serial"), "t.node IN (SELECT dup_object FROM reconcile_collisions)",
        new Object[0], "UPDATE versions AS t SET node = c.keep_object"
            + " FROM reconcile_collisions c WHERE t.node = c.dup_object");
    pithos.rewrite("nodes", List.of("node"), "t.node IN (SELECT keep_object FROM reconcile_collisions)", new Object[0],
        "UPDATE nodes AS t SET latest_version = c.dup_latest FROM reconcile_collisions c WHERE t.node = c.keep_object");
    // The dup's public link or permissions of the object go where the keeper has none (public: unique path).
    pithos.delete("public", """
        EXISTS (SELECT 1 FROM reconcile_collisions c
                  JOIN nodes o ON o.node = c.dup_object JOIN nodes k ON k.node = c.keep_object
                 WHERE t.path = o.path AND EXISTS (SELECT 1 FROM public p WHERE p.path = k.path))""");
    String demoted = """
        (SELECT node, sum(population) AS population, sum(size) AS size FROM (
            SELECT keep_container AS node, count(*) AS population, sum(demoted_size) AS size FROM reconcile_collisions
             WHERE demoted IS NOT NULL GROUP BY keep_container
            UNION ALL
            SELECT keep_account, count(*), sum(demoted_size) FROM reconcile_collisions
             WHERE demoted IS NOT NULL GROUP BY keep_account
          ) AS per_node GROUP BY node)""";
    pithos.rewrite("statistics", List.of("node", "cluster"),
        "t.cluster IN (0, 1) AND t.node IN (SELECT keep_container FROM reconcile_collisions WHERE demoted IS NOT NULL"
            + " UNION SELECT keep_account FROM reconcile_collisions WHERE demoted IS NOT NULL)", new Object[0],
        "UPDATE statistics AS t"
            + " SET population = t.population + CASE t.cluster WHEN 0 THEN -d.population ELSE d.population END,"
            + " size = t.size + CASE t.cluster WHEN 0 THEN -d.size ELSE d.size END FROM " + demoted + " AS d"
            + " WHERE t.node = d.node AND t.cluster IN (0, 1)");
    pithos.insert("statistics", List.of("node", "cluster"),
        "INSERT INTO statistics AS t (node, population, size, mtime, cluster)"
            + " SELECT d.node, d.population, d.size, NULL, 1 FROM " + demoted + " AS d"
            + " WHERE NOT EXISTS (SELECT 1 FROM statistics s WHERE s.node = d.node AND s.cluster = 1)"
            + " RETURNING row_to_json(t)::text");
  }
}
