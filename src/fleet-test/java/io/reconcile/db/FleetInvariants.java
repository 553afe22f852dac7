package io.reconcile.db;

import com.fasterxml.jackson.databind.JsonNode;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetProject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The five invariants declared for astakos1 of a fleet: users-unique (tag users) before the migrations
 * and the quota invariants (tag quotas) after them, the Cyclades settings taken from the seed's output, as
 * an operator would copy them.
 */
final class FleetInvariants {
  static final List<String> TYPES = List.of("users-unique", "services-registered", "quotas-initial", "quotas-limits",
      "quotas-usage");

  private FleetInvariants() {}

  /** The invariants' resources of a `--format json` report, by type. */
  static Map<String, JsonNode> resources(JsonNode report) {
    Map<String, JsonNode> byType = new LinkedHashMap<>();
    report.path("hosts").get(0).path("resources").forEach(r -> byType.put(r.path("type").asText(), r));
    return byType;
  }

  /** The seed's per-user Cyclades settings (a Python dict per setting) as YAML flow mappings. */
  private static Map<String, String> cycladesSettings(Fleet fleet) {
    String conf = fleet.run(fleet.astakos().name(), "cat", "/srv/seed-out/cyclades-user-quota.conf");
    Map<String, String> settings = new LinkedHashMap<>();
    Matcher block = Pattern.compile("(?m)^(VMS_USER_QUOTA|NETWORKS_USER_QUOTA) = \\{([^}]*)\\}").matcher(conf);
    while (block.find()) {
      settings.put(block.group(1), "{" + block.group(2).lines().map(String::strip).filter(l -> !l.isEmpty())
          .map(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l).collect(Collectors.joining(", ")) + "}");
    }
    return settings;
  }

  /** Declares them in the project's states/20-users.yml and 60-quotas.yml. */
  static void declare(Fleet fleet, FleetProject project) {
    Map<String, String> cyclades = cycladesSettings(fleet);
    project.state("20-users.yml", """
        phase: users
        hosts: astakos1
        tags: [users]
        resources:
          - users-unique: astakos
            cyclades_database: cyclades
            pithos_database: pithos
            survivor: active-then-oldest
            cyclades: merge
            pithos: merge
            pithos_collisions: history   # the seed's pairs hold a path in both accounts
        """);
    project.state("60-quotas.yml", """
        phase: quotas
        hosts: astakos1
        tags: [quotas]
        resources:
          - services-registered: astakos
            services:
              - service: cyclades
                resources:
                  - {name: disk, group: compute, uplimit: 30*1024*1024*1024, unit: bytes, desc: Virtual machine disk size}
                  - {name: cpu, group: compute, uplimit: 6, desc: Number of virtual machine processors}
                  - {name: ram, group: compute, uplimit: 6*1024*1024*1024, unit: bytes, desc: Virtual machines}
                  - {name: vm, group: compute, uplimit: 3, desc: Number of virtual machines}
                  - {name: network.private, group: network, uplimit: 5, desc: Private networks}
              - service: pithos+
                renamed_from: pithos
                resources:
                  - {name: diskspace, group: storage, uplimit: 50*1024*1024*1024, unit: bytes, desc: Pithos account diskspace}
          - quotas-initial: astakos
            pithos_database: pithos
            pithos_default_quota: 50*1024*1024*1024
            pithos_unlimited_quota: 10^32
            cyclades_vms: {default: 3, users: VMS}
            cyclades_networks: {default: 5, users: NETWORKS}
          - quotas-limits: astakos
            tags: [quota]
          - quotas-usage: astakos
            cyclades_database: cyclades
            pithos_database: pithos
            tags: [quota]
        """.replace("VMS", cyclades.get("VMS_USER_QUOTA")).replace("NETWORKS", cyclades.get("NETWORKS_USER_QUOTA")));
  }
}
