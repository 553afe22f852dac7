package io.reconcile.db.usersunique;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.reconcile.db.engine.DatabaseConnections;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.engine.DatabaseRole;
import io.reconcile.db.Invariant;
import io.reconcile.db.Observed;
import io.reconcile.db.Offenders;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Guide §2 and §6.1–6.2 as one invariant: no two Astakos users share lower(email) (the survivor is chosen
 * by rule or by id, the others are removed with what references them, their projects and memberships
 * moving to the survivor), and neither Cyclades nor Pithos has two spellings of one name (the others'
 * data merged into the keeping spelling, or deleted).
 */
final class UsersUnique implements Invariant<UsersFindings> {
  private final DatabaseEndpoints endpoints;
  private final SurvivorRule rule;
  private final ImmutableSet<Integer> keep;
  private final UsersUniqueSpec.Strategy cyclades;
  private final UsersUniqueSpec.Strategy pithos;
  private final boolean history;

  UsersUnique(DatabaseEndpoints endpoints, UsersUniqueSpec spec) {
    this.endpoints = endpoints;
    this.rule = spec.survivor();
    this.keep = spec.keep();
    this.cyclades = spec.cyclades();
    this.pithos = spec.pithos();
    this.history = spec.pithosCollisions() == UsersUniqueSpec.Collisions.HISTORY;
  }

  @Override
  public DatabaseEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public ImmutableList<TableLock> locks() {
    ImmutableList.Builder<TableLock> locks = ImmutableList.builder();
    locks.add(TableLock.write(DatabaseRole.ASTAKOS, "auth_user"), TableLock.write(DatabaseRole.ASTAKOS, "im_astakosuser"));
    if (endpoints.has(DatabaseRole.CYCLADES)) {
      CycladesOwners.COLUMNS.keySet().forEach(table -> locks.add(TableLock.write(DatabaseRole.CYCLADES, table)));
    }
    if (endpoints.has(DatabaseRole.PITHOS)) {
      PithosAccounts.TABLES.forEach(table -> locks.add(TableLock.write(DatabaseRole.PITHOS, table)));
    }
    return locks.build();
  }

  @Override
  public UsersFindings observe(DatabaseConnections db) throws SQLException {
    Connection astakos = db.get(DatabaseRole.ASTAKOS);
    Map<String, List<AstakosAccount>> astakosGroups = DuplicateGroups.astakos(astakos);
    Map<String, ImmutableList<DuplicateGroups.Spelling>> cycladesGroups =
        db.has(DatabaseRole.CYCLADES) ? DuplicateGroups.cyclades(db.get(DatabaseRole.CYCLADES)) : Map.of();
    Map<String, ImmutableList<DuplicateGroups.Spelling>> pithosGroups =
        db.has(DatabaseRole.PITHOS) ? DuplicateGroups.pithos(db.get(DatabaseRole.PITHOS)) : Map.of();
    TreeSet<String> serviceKeys = new TreeSet<>(cycladesGroups.keySet());
    serviceKeys.addAll(pithosGroups.keySet());
    Map<String, List<AstakosAccount>> owners = serviceKeys.isEmpty() ? Map.of() : DuplicateGroups.accountsOf(astakos, List.copyOf(serviceKeys));

    List<String> blockers = new ArrayList<>();
    List<Offenders.Row> rows = new ArrayList<>();
    ImmutableList.Builder<UsersFindings.Removal> removals = ImmutableList.builder();
    astakosGroups.forEach((key, accounts) -> {
      Optional<AstakosAccount> survivor = rule.choose(accounts, keep);
      String all = accounts.stream().map(AstakosAccount::describe).collect(Collectors.joining(", "));
      if (survivor.isEmpty()) {
        blockers.add("'keep' lists several accounts of " + key + ": " + all);
        return;
      }
      removals.add(new UsersFindings.Removal(key, survivor.get(),
          accounts.stream().filter(a -> a.id() != survivor.get().id()).collect(ImmutableList.toImmutableList())));
      rows.add(new Offenders.Row(key, "astakos " + all, "astakos " + survivor.get().describe()));
    });
    ImmutableList<UsersFindings.Reduction> cycladesReductions = reductions(cycladesGroups, owners, "cyclades", cyclades,
        "vms", "networks", "keys", rows, Map.of());
    PithosAccounts.Collisions collisions = pithos == UsersUniqueSpec.Strategy.MERGE && !pithosGroups.isEmpty()
        ? PithosAccounts.collisions(db.get(DatabaseRole.PITHOS), reductions(pithosGroups, owners), history)
        : new PithosAccounts.Collisions(ImmutableList.of(), Map.of());
    blockers.addAll(collisions.blockers());
    ImmutableList<UsersFindings.Reduction> pithosReductions = reductions(pithosGroups, owners, "pithos", pithos,
        "containers", "objects", "bytes", rows, collisions.toHistory());
    Offenders offenders = Offenders.of(rows);
    long emails = rows.stream().map(Offenders.Row::subject).distinct().count();
    return new UsersFindings(removals.build(), cycladesReductions, pithosReductions, new Observed(offenders, ImmutableList.copyOf(blockers),
        emails + " emails have several users or spellings (astakos " + astakosGroups.size() + ", cyclades " + cycladesGroups.size()
            + ", pithos " + pithosGroups.size() + ")",
        "one user per email (survivor " + rule.label() + (keep.isEmpty() ? "" : ", keep " + keep) + "; cyclades "
            + (endpoints.has(DatabaseRole.CYCLADES) ? cyclades.label() : "not checked") + ", pithos "
            + (endpoints.has(DatabaseRole.PITHOS) ? pithos.label() : "not checked") + ")"));
  }

  /** Per name, which spelling keeps the data and which go. */
  private ImmutableList<UsersFindings.Reduction> reductions(Map<String, ImmutableList<DuplicateGroups.Spelling>> groups,
      Map<String, List<AstakosAccount>> owners) {
    ImmutableList.Builder<UsersFindings.Reduction> reductions = ImmutableList.builder();
    groups.forEach((key, spellings) -> {
      Optional<AstakosAccount> survivor = Optional.ofNullable(owners.get(key)).flatMap(accounts -> rule.choose(accounts, keep));
      String keeperName = Spellings.keeper(spellings.stream().map(DuplicateGroups.Spelling::name).toList(), survivor);
      DuplicateGroups.Spelling keeper = spellings.stream().filter(s -> s.name().equals(keeperName)).findFirst().orElseThrow();
      reductions.add(new UsersFindings.Reduction(key, keeper,
          spellings.stream().filter(s -> s != keeper).collect(ImmutableList.toImmutableList())));
    });
    return reductions.build();
  }

  /** The reductions, with a diff row each; {@code toHistory}: per keeping name, objects that pass to history. */
  private ImmutableList<UsersFindings.Reduction> reductions(Map<String, ImmutableList<DuplicateGroups.Spelling>> groups,
      Map<String, List<AstakosAccount>> owners, String service, UsersUniqueSpec.Strategy strategy, String first, String second,
      String third, List<Offenders.Row> rows, Map<String, Integer> toHistory) {
    ImmutableList<UsersFindings.Reduction> reductions = reductions(groups, owners);
    for (UsersFindings.Reduction reduction : reductions) {
      DuplicateGroups.Spelling keeper = reduction.keeper();
      List<DuplicateGroups.Spelling> spellings = groups.get(reduction.key());
      int history = toHistory.getOrDefault(keeper.name(), 0);
      String all = spellings.stream().map(s -> counts(s, first, second, third)).collect(Collectors.joining("; "));
      String after = strategy == UsersUniqueSpec.Strategy.MERGE
          ? counts(new DuplicateGroups.Spelling(keeper.name(), sum(spellings, 1), sum(spellings, 2) - history, sum(spellings, 3),
              keeper.node()), first, second, third) + " (merged"
              + (history == 0 ? ")" : "; " + history + " objects held by both: the kept account's pass to history)")
          : counts(keeper, first, second, third) + " (" + reduction.others().stream().map(DuplicateGroups.Spelling::name)
              .collect(Collectors.joining(", ")) + " deleted)";
      rows.add(new Offenders.Row(reduction.key(), service + " " + all, service + " " + after));
    }
    return reductions;
  }

  private static long sum(List<DuplicateGroups.Spelling> spellings, int which) {
    return spellings.stream().mapToLong(s -> which == 1 ? s.first() : which == 2 ? s.second() : s.third()).sum();
  }

  private static String counts(DuplicateGroups.Spelling s, String first, String second, String third) {
    return s.name() + ": " + s.first() + " " + first + ", " + s.second() + " " + second + ", " + s.third() + " " + third;
  }

  @Override
  public void fix(UsersFindings findings, DatabaseConnections db, Changes changes) throws SQLException {
    if (!findings.pithos().isEmpty()) {
      PithosAccounts accounts = new PithosAccounts(changes.of(DatabaseRole.PITHOS), findings.pithos());
      if (pithos == UsersUniqueSpec.Strategy.MERGE) {
        accounts.merge();
      } else {
        accounts.delete();
      }
    }
    if (!findings.cyclades().isEmpty()) {
      CycladesOwners owners = new CycladesOwners(changes.of(DatabaseRole.CYCLADES), findings.cyclades());
      if (cyclades == UsersUniqueSpec.Strategy.MERGE) {
        owners.merge();
      } else {
        owners.delete();
      }
    }
    if (!findings.astakos().isEmpty()) {
      new AstakosRemovals(changes.of(DatabaseRole.ASTAKOS), findings.astakos()).apply();
    }
  }
}
