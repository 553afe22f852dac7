package io.reconcile.db;

import com.google.common.collect.ImmutableList;
import io.reconcile.state.DatabaseSpec;
import io.reconcile.state.Declaration;
import io.reconcile.state.SpecParser;
import java.util.Map;

/** The database invariant types: how their declarations are read, and how they become host resources. */
public final class DatabaseTypes {
  private DatabaseTypes() {}

  public static ImmutableList<SpecParser> parsers() {
    return ImmutableList.of();
  }

  /** The invariant for one host, with its variables (database URL, credentials) resolved. */
  public static DatabaseResource render(Declaration declaration, DatabaseSpec spec, Map<String, Object> model) {
    throw new IllegalArgumentException("no database resource type for " + spec.getClass().getSimpleName());
  }
}
