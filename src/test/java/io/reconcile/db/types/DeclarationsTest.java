package io.reconcile.db.types;

import io.reconcile.resource.ResourceTypes;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.db.engine.DatabaseEndpoint;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.InvariantSpec;
import io.reconcile.db.quota.Quantities;
import io.reconcile.db.quotasinitial.InitialQuotaSpec;
import io.reconcile.db.quotaslimits.LimitsSpec;
import io.reconcile.db.servicesregistered.ServicesSpec;
import io.reconcile.db.usersunique.SurvivorRule;
import io.reconcile.db.usersunique.UsersUniqueSpec;
import io.reconcile.input.InvalidInputException;
import io.reconcile.state.Declaration;
import io.reconcile.state.StateBundle;
import io.reconcile.state.StateFiles;
import io.reconcile.state.StateLoader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Database invariant declarations: what they read, and bad input refused with file:line before anything is contacted. */
class DeclarationsTest {
  @TempDir Path project;

  private StateBundle load(String yaml) throws IOException {
    Files.createDirectories(project.resolve("states"));
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("states/50-db.yml"), yaml);
    return new StateLoader(ResourceTypes.parsers()).load(new StateFiles(project.resolve("states"), project.resolve("templates")));
  }

  private InvalidInputException refused(String yaml) {
    try {
      load(yaml);
    } catch (InvalidInputException e) {
      return e;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("accepted: " + yaml);
  }

  private List<Declaration> declarations(String yaml) throws IOException {
    return load(yaml).phases().get(0).declarations();
  }

  static final String ALL = """
      phase: database
      hosts: astakos1
      tags: [upgrade]
      resources:
        - users-unique: astakos
          cyclades_database: cyclades
          pithos_database: pithos
          survivor: oldest
          keep: [12, 40]
          pithos: delete
          pithos_collisions: history
        - services-registered: astakos
          services:
            - service: cyclades
              order: 1
              resources:
                - {name: ram, group: compute, uplimit: 6*1024*1024*1024, unit: bytes, desc: Virtual machines}
            - service: pithos+
              renamed_from: pithos
              resources: [{name: diskspace, group: storage, uplimit: 5368709120, unit: bytes}]
        - quotas-initial: astakos
          pithos_database: pithos
          pithos_default_quota: 5*1024*1024*1024
          pithos_unlimited_quota: 10^32
          cyclades_vms: {default: 3, users: {'user1@example.org': 5, 'user2@example.org': 10}}
          allow_decrease: [cyclades.network.private]
        - quotas-limits: apps
          database: astakos
        - quotas-usage: astakos
          cyclades_database: cyclades
          pithos_database: pithos
      """;

  @Test
  void readsEveryType() throws IOException {
    List<Declaration> all = declarations(ALL);

    assertThat(all).extracting(d -> d.id().toString()).containsExactly("users-unique:astakos", "services-registered:astakos",
        "quotas-initial:astakos", "quotas-limits:apps", "quotas-usage:astakos");
    assertThat(all.get(0).spec()).isEqualTo(new UsersUniqueSpec("astakos",
        new DatabaseVariables("astakos", Optional.of("cyclades"), Optional.of("pithos")), SurvivorRule.OLDEST, ImmutableSet.of(12, 40),
        UsersUniqueSpec.Strategy.MERGE, UsersUniqueSpec.Strategy.DELETE, UsersUniqueSpec.Collisions.HISTORY));
    ServicesSpec services = (ServicesSpec) all.get(1).spec();
    assertThat(services.services().get(0)).isEqualTo(new ServicesSpec.Service("cyclades", Optional.empty(), Optional.empty(), Optional.of(1),
        ImmutableList.of(new ServicesSpec.Resource("ram", Optional.of("compute"), Optional.of("bytes"), BigInteger.valueOf(6442450944L),
            Optional.of("Virtual machines")))));
    assertThat(services.services().get(1).renamedFrom()).contains("pithos");
    InitialQuotaSpec initial = (InitialQuotaSpec) all.get(2).spec();
    assertThat(initial.pithosDefault()).contains(BigInteger.valueOf(5368709120L));
    assertThat(initial.vms()).isEqualTo(new InitialQuotaSpec.Settings(Optional.of(BigInteger.valueOf(3)),
        ImmutableMap.of("user1@example.org", BigInteger.valueOf(5), "user2@example.org", BigInteger.TEN)));
    assertThat(initial.pithosUnlimited()).contains(Quantities.INFINITE);
    assertThat(initial.networks()).as("not declared: not migrated").isEqualTo(InitialQuotaSpec.Settings.none());
    assertThat(initial.allowDecrease()).containsExactly("cyclades.network.private");
    assertThat(((LimitsSpec) all.get(3).spec()).databases().astakos()).isEqualTo("astakos");
  }

  @Test
  void badValuesAreRefusedWithFileAndLine() {
    assertThat(refused("""
        resources:
          - users-unique: astakos
            survivor: youngest
        """).describe()).isEqualTo("states/50-db.yml:3: 'survivor' must be one of oldest, newest, active-then-oldest,"
        + " active-then-newest, not 'youngest'");
    assertThat(refused("""
        resources:
          - users-unique: astakos
            pithos: merge
        """).describe()).isEqualTo("states/50-db.yml:3: 'pithos' needs 'pithos_database' (the database to merge or delete in)");
    assertThat(refused("""
        resources:
          - quotas-limits: astakos
            cyclades_database: cyclades
        """).describe()).startsWith("states/50-db.yml:3: unknown key 'cyclades_database'");
    assertThat(refused("""
        resources:
          - quotas-usage: astakos
        """).describe()).startsWith("states/50-db.yml:2: quotas-usage needs 'cyclades_database' or 'pithos_database'");
    assertThat(refused("""
        resources:
          - services-registered: astakos
            services:
              - service: cyclades
                resources:
                  - {name: vm, uplimit: two}
        """).describe()).isEqualTo("states/50-db.yml:6: 'uplimit': 'two' is not a non-negative integer"
        + " (or a product such as 30*1024*1024*1024, or a power such as 10^32)");
    assertThat(refused("""
        resources:
          - quotas-initial: astakos
            cyclades_vms: {default: 3, users: {'a@example.org': lots}}
        """).describe()).startsWith("states/50-db.yml:3: 'a@example.org': 'lots' is not");
    assertThat(refused("""
        resources:
          - quotas-initial: astakos
            cyclades_vms: {users: {}}
            allow_decrease: [cyclades.cpu]
        """).describe()).startsWith("states/50-db.yml:4: 'allow_decrease' lists resources this invariant migrates (cyclades.vm,"
        + " cyclades.network.private, pithos+.diskspace), not 'cyclades.cpu'");
    assertThat(refused("""
        resources:
          - quotas-limits: astakos-db
        """).describe()).startsWith("states/50-db.yml:2: the name 'astakos-db' is not a variable prefix");
  }

  @Test
  void databaseInvariantsAndHostResourcesCannotShareAPhase() {
    assertThat(refused("""
        resources:
          - quotas-limits: astakos
          - package: snf-common
        """).describe()).contains("mixes database invariants and host resources");
  }

  private static Map<String, Object> vars() {
    Map<String, Object> vars = new HashMap<>(InvariantDeclarations.vars());
    vars.keySet().removeIf(k -> k.startsWith("cyclades_") || k.startsWith("pithos_"));
    return vars;
  }

  private static InvalidInputException renderRefused(Map<String, Object> vars) {
    InvariantSpec spec = new LimitsSpec("astakos", new DatabaseVariables("astakos", Optional.empty(), Optional.empty()));
    try {
      DatabaseTypes.render(InvariantDeclarations.declaration("quotas-limits", "astakos", spec), spec, vars);
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("rendered with " + vars);
  }

  @Test
  void missingOrBadConnectionVariablesAreRefusedAtRenderTimeNamingTheVariable() {
    Map<String, Object> noUrl = vars();
    noUrl.remove("astakos_db_url");
    assertThat(renderRefused(noUrl).describe()).isEqualTo("states/50-db.yml:3: quotas-limits:astakos: inventory variable"
        + " 'astakos_db_url' is not set for host astakos1 (the JDBC URL of the astakos database as the tunnel host sees it,"
        + " e.g. jdbc:postgresql://db:5432/snf_apps)");

    Map<String, Object> badUrl = vars();
    badUrl.put("astakos_db_url", "postgresql://db/snf_apps");
    assertThat(renderRefused(badUrl).getMessage()).contains("must be jdbc:postgresql://HOST[:PORT]/DATABASE[?PARAMS]");

    Map<String, Object> passwordInUrl = vars();
    passwordInUrl.put("astakos_db_url", "jdbc:postgresql://db/snf_apps?ssl=true&password=hunter2");
    assertThat(renderRefused(passwordInUrl).getMessage()).contains("must not carry the password").doesNotContain("hunter2");

    Map<String, Object> both = vars();
    both.put("astakos_db_password_file", "/nonexistent");
    assertThat(renderRefused(both).getMessage()).contains("set only one of the inventory variables 'astakos_db_password' and 'astakos_db_password_file'");

    Map<String, Object> unreadable = vars();
    unreadable.remove("astakos_db_password");
    unreadable.put("astakos_db_password_file", project.resolve("missing").toString());
    assertThat(renderRefused(unreadable).getMessage()).contains("cannot read the password file named by inventory variable 'astakos_db_password_file'");
  }

  @Test
  void thePasswordMayComeFromAFileAndNeverShowsInTheEndpoint() throws IOException {
    Path file = Files.writeString(project.resolve("pw"), "from-file\n");
    Map<String, Object> vars = vars();
    vars.remove("astakos_db_password");
    vars.put("astakos_db_password_file", file.toString());
    vars.put("astakos_db_url", "jdbc:postgresql://db.internal/snf_apps?sslmode=require");

    DatabaseEndpoint endpoint = DatabaseEndpoint.resolve("astakos", vars, InvariantDeclarations.declaration("quotas-limits", "astakos", null));

    assertThat(endpoint).isEqualTo(new DatabaseEndpoint("astakos", "db.internal", 5432, "snf_apps", "sslmode=require", "synnefo", "from-file"));
    assertThat(endpoint.toString()).doesNotContain("from-file").contains("synnefo@snf_apps at db.internal:5432");
    assertThat(endpoint.tunnelledUrl(40123)).isEqualTo("jdbc:postgresql://127.0.0.1:40123/snf_apps?sslmode=require");
  }
}
