package io.reconcile.db.servicesregistered;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What im_service and im_resource hold. */
record Registry(ImmutableList<Service> services) {
  record Service(int id, String name, Optional<String> url, int order, ImmutableList<Resource> resources) {
    Optional<Resource> resource(String name) {
      return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }
  }

  record Resource(int id, String name, Optional<String> group, Optional<String> unit, BigInteger uplimit, Optional<String> desc) {}

  Optional<Service> service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  static Registry read(Connection astakos) throws SQLException {
    String sql = """
        SELECT s.id, s.name, s.url, s."order", r.id, r.name, r."group", r.unit, r.uplimit, r."desc"
          FROM im_service s LEFT JOIN im_resource r ON r.service_id = s.id ORDER BY s.id, r.id""";
    Map<Integer, Service> services = new LinkedHashMap<>();
    Map<Integer, List<Resource>> resources = new LinkedHashMap<>();
    try (PreparedStatement statement = astakos.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        int id = rs.getInt(1);
        services.computeIfAbsent(id, i -> {
          try {
            return new Service(i, rs.getString(2), Optional.ofNullable(rs.getString(3)), rs.getInt(4), ImmutableList.of());
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        List<Resource> own = resources.computeIfAbsent(id, i -> new ArrayList<>());
        if (rs.getObject(5) != null) {
          own.add(new Resource(rs.getInt(5), rs.getString(6), text(rs.getString(7)), text(rs.getString(8)),
              rs.getBigDecimal(9).toBigIntegerExact(), text(rs.getString(10))));
        }
      }
    }
    return new Registry(services.values().stream()
        .map(s -> new Service(s.id(), s.name(), s.url(), s.order(), ImmutableList.copyOf(resources.get(s.id()))))
        .collect(ImmutableList.toImmutableList()));
  }

  /** NULL and '' mean the same: no value. */
  static Optional<String> text(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
