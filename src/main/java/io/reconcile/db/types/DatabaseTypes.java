package io.reconcile.db.types;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.DatabaseResource;
import io.reconcile.db.InvariantResource;
import io.reconcile.db.InvariantSpec;
import io.reconcile.db.cycladesownersknown.CycladesOwnersKnownParser;
import io.reconcile.db.quotasinitial.InitialQuotaParser;
import io.reconcile.db.quotaslimits.LimitsParser;
import io.reconcile.db.quotasusage.UsageParser;
import io.reconcile.db.servicesregistered.ServicesParser;
import io.reconcile.db.usersunique.UsersUniqueParser;
import io.reconcile.state.DatabaseSpec;
import io.reconcile.state.Declaration;
import io.reconcile.state.SpecParser;
import java.util.Map;

/** The database invariant types: how their declarations are read, and how they become host resources. */
public final class DatabaseTypes {
  private DatabaseTypes() {}

  public static ImmutableList<SpecParser> parsers() {
    return ImmutableList.of(new UsersUniqueParser(), new ServicesParser(), new InitialQuotaParser(), new LimitsParser(),
        new UsageParser(), new CycladesOwnersKnownParser());
  }

  /** The invariant for one host, with its variables (database URL, credentials) resolved. */
  public static DatabaseResource render(Declaration declaration, DatabaseSpec spec, Map<String, Object> model) {
    if (!(spec instanceof InvariantSpec invariant)) {
      throw new IllegalArgumentException("no database resource type for " + spec.getClass().getSimpleName());
    }
    DatabaseEndpoints endpoints = invariant.databases().resolve(model, declaration);
    return new InvariantResource<>(declaration, String.valueOf(model.get("inventory_hostname")), invariant.invariant(endpoints));
  }
}
