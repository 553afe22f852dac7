package io.reconcile.db.servicesregistered;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.Sql;
import io.reconcile.db.quota.Quantities;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code astakos-init --load-service-resources} makes the quotaholder hold besides the registry
 * (13:snf-astakos-app/astakos/im/endpoints/qh.py:285-323): the entity {@code system} as its fixture has
 * it (owner itself, key ''), one entity per service (owner system, key '1'), and per resource a holding
 * of the service, {@code (<service>, <service>.<resource>)}, whose policy is practically infinite (10^32
 * quantity, capacity, import and export limit). Without them every commission fails (NoQuantity).
 */
record ServiceHoldings(Map<String, Entity> entities, Map<String, Holding> holdings) {
  static final String SYSTEM = "system";

  record Entity(String entity, String owner, String key) {
    String describe() {
      return "quotaholder entity " + entity + " owner=" + owner + " key='" + key + "'";
    }
  }

  /** A holding and its policy's four limits (null policy: no holding). */
  record Holding(int id, String entity, String resource, String policy, List<BigInteger> limits, long flags) {
    String describe() {
      return "quotaholder holding " + entity + " " + resource + " " + describeLimits(limits)
          + (flags == 0 ? "" : " flags=" + flags);
    }
  }

  static String describeLimits(List<BigInteger> limits) {
    String[] names = {"quantity", "capacity", "import_limit", "export_limit"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      BigInteger value = limits.get(i);
      text.append(i == 0 ? "" : " ").append(names[i]).append('=')
          .append(value.equals(Quantities.INFINITE) ? "10^32" : value.toString());
    }
    return text.toString();
  }

  static final List<BigInteger> INFINITE = Collections.nCopies(4, Quantities.INFINITE);

  static Entity wantedEntity(String entity) {
    return entity.equals(SYSTEM) ? new Entity(SYSTEM, SYSTEM, "") : new Entity(entity, SYSTEM, "1");
  }

  Optional<Entity> entity(String name) {
    return Optional.ofNullable(entities.get(name));
  }

  Optional<Holding> holding(String entity, String resource) {
    return Optional.ofNullable(holdings.get(entity + "\u0000" + resource));
  }

  /** The entities {@code names} and the holdings of {@code services}' entities, as the quotaholder has them. */
  static ServiceHoldings read(Connection astakos, List<String> names) throws SQLException {
    Map<String, Entity> entities = new LinkedHashMap<>();
    Map<String, Holding> holdings = new LinkedHashMap<>();
    String[] keys = names.toArray(String[]::new);
    try (PreparedStatement statement = astakos.prepareStatement(
        "SELECT entity, owner_id, key FROM quotaholder_app_entity WHERE entity = ANY(?)")) {
      Sql.bind(statement, (Object) keys);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          entities.put(rs.getString(1), new Entity(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    try (PreparedStatement statement = astakos.prepareStatement("""
        SELECT h.id, h.entity_id, h.resource, h.policy_id,
               p.quantity, p.capacity, p.import_limit, p.export_limit, h.flags
          FROM quotaholder_app_holding h JOIN quotaholder_app_policy p ON p.policy = h.policy_id
         WHERE h.entity_id = ANY(?)""")) {
      Sql.bind(statement, (Object) keys);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ImmutableList.Builder<BigInteger> limits = ImmutableList.builder();
          for (int column = 5; column <= 8; column++) {
            limits.add(rs.getBigDecimal(column).toBigIntegerExact());
          }
          Holding holding = new Holding(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), limits.build(),
              rs.getLong(9));
          holdings.put(holding.entity() + "\u0000" + holding.resource(), holding);
        }
      }
    }
    return new ServiceHoldings(entities, holdings);
  }
}
