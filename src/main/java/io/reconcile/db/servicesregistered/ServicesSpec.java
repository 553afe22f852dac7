package io.reconcile.db.servicesregistered;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.engine.DatabaseEndpoints;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.Invariant;
import io.reconcile.db.InvariantSpec;
import java.math.BigInteger;
import java.util.Optional;

/**
 * {@code services-registered}: im_service / im_resource hold the declared ASTAKOS_SERVICES (guide §5).
 * Absent {@code unit}, {@code group} and {@code desc} mean NULL, as with astakos-init; an absent
 * {@code url} or {@code order} leaves the registered one alone.
 */
public record ServicesSpec(String name, DatabaseVariables databases, ImmutableList<Service> services) implements InvariantSpec {
  /** One service; {@code renamedFrom} names the service to rename (e.g. pithos -> pithos+). */
  public record Service(String name, Optional<String> renamedFrom, Optional<String> url, Optional<Integer> order,
      ImmutableList<Resource> resources) {}

  public record Resource(String name, Optional<String> group, Optional<String> unit, BigInteger uplimit, Optional<String> desc) {}

  @Override
  public Invariant<?> invariant(DatabaseEndpoints endpoints) {
    return new Services(endpoints, services);
  }
}
