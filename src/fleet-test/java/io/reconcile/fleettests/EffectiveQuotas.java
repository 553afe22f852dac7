package io.reconcile.fleettests;

import io.reconcile.db.quota.Quantities;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetDatabase;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every user's effective quota of the resources the old services had, before (a 0.12.5 fleet) and after
 * (0.13) the upgrade, and the users whose quota went down. Before: Cyclades' VMS_USER_QUOTA /
 * NETWORKS_USER_QUOTA value for the user's email, else MAX_VMS_PER_USER / MAX_NETWORKS_PER_USER (12:snf-cyclades-app/
 * synnefo/app_settings/default/api.py:108-119, 12:.../api/servers.py:306-315); Pithos: the quota row of the
 * account named by the user's email (0 = unlimited, 12:snf-pithos-backend/pithos/backends/modular.py:740),
 * else PITHOS_BACKEND_QUOTA (:1165-1168). After: Astakos' effective quota (13:snf-astakos-app/astakos/im/
 * models.py:844-897): the user's quota row, else the resource's uplimit, plus the member grants of the
 * application of every active membership. Keyed by Astakos user id; unlimited is {@link #UNLIMITED}, and
 * 10^30 (the exporters' infinite) or more counts as unlimited after.
 */
public final class EffectiveQuotas {
  public static final BigInteger UNLIMITED = Quantities.INFINITE;
  public static final List<String> RESOURCES = List.of("cyclades.vm", "cyclades.network.private", "pithos+.diskspace");
  private static final String CYCLADES_API = "/etc/synnefo/20-snf-cyclades-app-api.conf";
  private static final String PITHOS_SETTINGS = "/etc/synnefo/20-snf-pithos-app-settings.conf";

  private EffectiveQuotas() {}

  /** Per user id and resource, the quota of a 0.12.5 fleet (run before the upgrade). */
  public static Map<Integer, Map<String, BigInteger>> before(Fleet fleet) {
    String api = fleet.run("cyclades1", "cat", CYCLADES_API);
    String pithos = fleet.run("pithos1", "cat", PITHOS_SETTINGS);
    BigInteger maxVms = setting(api, "MAX_VMS_PER_USER").orElse(BigInteger.valueOf(3));
    BigInteger maxNetworks = setting(api, "MAX_NETWORKS_PER_USER").orElse(BigInteger.valueOf(5));
    BigInteger pithosDefault = setting(pithos, "PITHOS_BACKEND_QUOTA")
        .orElse(BigInteger.valueOf(50L * 1024 * 1024 * 1024));
    Map<String, BigInteger> vms = dict(api, "VMS_USER_QUOTA");
    Map<String, BigInteger> networks = dict(api, "NETWORKS_USER_QUOTA");
    Map<String, BigInteger> accounts = new LinkedHashMap<>();
    fleet.psql(FleetDatabase.PITHOS, "SELECT n.path || '|' || p.value FROM nodes n"
        + " JOIN policy p ON p.node = n.node AND p.key = 'quota' WHERE n.node <> 0 AND n.parent = 0")
        .lines().forEach(l -> {
          String[] f = l.split("\\|");
          BigInteger value = new BigInteger(f[1]);
          accounts.put(f[0], value.signum() == 0 ? UNLIMITED : value);
        });
    Map<Integer, Map<String, BigInteger>> quotas = new TreeMap<>();
    fleet.psql(FleetDatabase.ASTAKOS, "SELECT id || '|' || email FROM auth_user").lines().forEach(l -> {
      String[] f = l.split("\\|", 2);
      quotas.put(Integer.parseInt(f[0]), Map.of("cyclades.vm", vms.getOrDefault(f[1], maxVms),
          "cyclades.network.private", networks.getOrDefault(f[1], maxNetworks),
          "pithos+.diskspace", accounts.getOrDefault(f[1], pithosDefault)));
    });
    return quotas;
  }

  /** Per email-verified user id and resource, the effective quota capacity of a 0.13 fleet. */
  public static Map<Integer, Map<String, BigInteger>> after(Fleet fleet) {
    Map<Integer, Map<String, BigInteger>> quotas = new TreeMap<>();
    fleet.psql(FleetDatabase.ASTAKOS, """
        WITH resources AS (
            SELECT r.id, s.name || '.' || r.name AS resource, r.uplimit
              FROM im_resource r JOIN im_service s ON s.id = r.service_id),
        grants AS (
            SELECT m.person_id, g.resource_id, sum(g.member_capacity) AS capacity FROM im_projectmembership m
              JOIN im_projectresourcegrant g ON g.project_application_id = m.application_id
             WHERE m.is_active GROUP BY m.person_id, g.resource_id)
        SELECT a.user_ptr_id || '|' || r.resource || '|' || (coalesce(q.capacity, r.uplimit) + coalesce(g.capacity, 0))
          FROM im_astakosuser a CROSS JOIN resources r
          LEFT JOIN im_astakosuserquota q ON q.user_id = a.user_ptr_id AND q.resource_id = r.id
          LEFT JOIN grants g ON g.person_id = a.user_ptr_id AND g.resource_id = r.id
         WHERE a.email_verified""").lines().forEach(l -> {
          String[] f = l.split("\\|");
          BigInteger value = new BigInteger(f[2]);
          quotas.computeIfAbsent(Integer.parseInt(f[0]), k -> new TreeMap<>())
              .put(f[1], value.compareTo(Quantities.EXPORT_INFINITE) >= 0 ? UNLIMITED : value);
        });
    return quotas;
  }

  /** "user 12 cyclades.vm: 3 -> 2" for every user and resource of {@code after} whose quota is below {@code before}. */
  public static List<String> decreases(Map<Integer, Map<String, BigInteger>> before,
      Map<Integer, Map<String, BigInteger>> after) {
    List<String> lower = new ArrayList<>();
    after.forEach((user, quotas) -> {
      Map<String, BigInteger> old = before.get(user);
      for (String resource : RESOURCES) {
        BigInteger now = quotas.get(resource);
        if (old != null && (now == null || now.compareTo(old.get(resource)) < 0)) {
          lower.add("user " + user + " " + resource + ": " + text(old.get(resource)) + " -> "
              + (now == null ? "none" : text(now)));
        }
      }
    });
    return lower;
  }

  private static String text(BigInteger value) {
    return value.equals(UNLIMITED) ? "unlimited" : value.toString();
  }

  /** An uncommented {@code NAME = number} (products allowed: 50 * 1024 * 1024 * 1024). */
  private static Optional<BigInteger> setting(String conf, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\s*=\\s*([0-9* ]+)\\s*$").matcher(conf);
    return m.find() ? Optional.of(Quantities.parse(m.group(1).strip())) : Optional.empty();
  }

  /** An uncommented {@code NAME = {'key': number, ...}}, over one or several lines. */
  private static Map<String, BigInteger> dict(String conf, String name) {
    Map<String, BigInteger> values = new LinkedHashMap<>();
    Matcher block = Pattern.compile("(?ms)^" + name + "\\s*=\\s*\\{(.*?)\\}").matcher(conf);
    if (block.find()) {
      Matcher entry = Pattern.compile("'([^']*)'\\s*:\\s*([0-9]+)").matcher(block.group(1));
      while (entry.find()) {
        values.put(entry.group(1), new BigInteger(entry.group(2)));
      }
    }
    return values;
  }
}
