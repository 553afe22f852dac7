package io.reconcile.db.types;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.db.engine.DatabaseRole;
import io.reconcile.db.InvariantResource;
import io.reconcile.db.InvariantSpec;
import io.reconcile.input.InvalidInputException;
import io.reconcile.state.Declaration;
import io.reconcile.state.Location;
import io.reconcile.state.ResourceId;
import io.reconcile.state.ResourceSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Database invariants declared as the state loader declares them, for astakos1 of an inventory that names
 * the fleet's three databases (the names, role and password the fleet's PostgreSQL has).
 */
public final class InvariantDeclarations {
  public static final String USER = "synnefo";
  public static final String PASSWORD = "example_db_password";
  public static final Map<DatabaseRole, String> NAMES = ImmutableMap.of(DatabaseRole.ASTAKOS, "snf_apps", DatabaseRole.CYCLADES, "snf_cyclades",
      DatabaseRole.PITHOS, "snf_pithos");

  private InvariantDeclarations() {}

  /** Inventory-like variables naming the three databases ({@code astakos_db_url}, {@code _user}, ...). */
  public static Map<String, Object> vars() {
    Map<String, Object> vars = new HashMap<>();
    NAMES.forEach((db, name) -> {
      vars.put(db.label() + "_db_url", "jdbc:postgresql://db:5432/" + name);
      vars.put(db.label() + "_db_user", USER);
      vars.put(db.label() + "_db_password", PASSWORD);
    });
    vars.put("inventory_hostname", "astakos1");
    return vars;
  }

  /** A declaration as the state loader would make it, for rendering a spec. */
  public static Declaration declaration(String type, String name, ResourceSpec spec) {
    return new Declaration(new ResourceId(type, name), spec, "astakos1", ImmutableSet.of(), ImmutableList.of(),
        ImmutableList.of(), Optional.empty(), ImmutableMap.of(), new Location("states/50-db.yml", 3));
  }

  /** The resource a spec renders to with {@link #vars()}. */
  public static InvariantResource<?> render(String type, String name, InvariantSpec spec) {
    try {
      return (InvariantResource<?>) DatabaseTypes.render(declaration(type, name, spec), spec, vars());
    } catch (InvalidInputException e) {
      throw new IllegalStateException(e.describe(), e);
    }
  }
}
