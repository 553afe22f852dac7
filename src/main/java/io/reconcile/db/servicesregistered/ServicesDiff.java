package io.reconcile.db.servicesregistered;

import com.google.common.collect.ImmutableList;
import io.reconcile.db.ObservedFindings;
import io.reconcile.db.Observed;
import io.reconcile.db.Offenders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the registry and the quotaholder differ from the declared services, and what fixes it: renames
 * first, then new and changed services, then new and changed resources, then the quotaholder's
 * entities and the services' holdings ({@link ServiceHoldings}). Extra services and resources are left
 * alone, as astakos-init leaves them (removing one would drop its users' quotas).
 */
record ServicesDiff(Observed observed, ImmutableList<Action> actions) implements ObservedFindings {
  sealed interface Action {}

  record Rename(int serviceId, String from, String to) implements Action {}

  record AddService(ServicesSpec.Service service) implements Action {}

  record SetService(int serviceId, ServicesSpec.Service service) implements Action {}

  record AddResource(String service, ServicesSpec.Resource resource) implements Action {}

  record SetResource(int resourceId, ServicesSpec.Resource resource) implements Action {}

  /** A quotaholder entity to create ({@code exists} false) or to set to {@code wanted}. */
  record SetEntity(ServiceHoldings.Entity wanted, boolean exists) implements Action {}

  /** A service's infinite holding of one of its resources, to create or to give a new policy. */
  record SetHolding(String entity, String resource, Optional<ServiceHoldings.Holding> existing) implements Action {}

  static ServicesDiff of(List<ServicesSpec.Service> declared, Registry registry, ServiceHoldings quotaholder) {
    List<Action> actions = new ArrayList<>();
    List<Offenders.Row> rows = new ArrayList<>();
    List<String> blockers = new ArrayList<>();
    for (ServicesSpec.Service service : declared) {
      Optional<Registry.Service> current = registry.service(service.name());
      Optional<Registry.Service> old = service.renamedFrom().flatMap(registry::service);
      if (current.isPresent() && old.isPresent()) {
        blockers.add("both services " + old.get().name() + " and " + service.name() + " are registered; merge them by hand");
        continue;
      }
      if (current.isEmpty() && old.isPresent()) {
        actions.add(new Rename(old.get().id(), old.get().name(), service.name()));
        rows.add(new Offenders.Row(service.name(), "service " + old.get().name(), "service " + service.name()));
        current = old;
      }
      if (current.isEmpty() && service.url().isEmpty()) {
        blockers.add("service " + service.name() + " is not registered and declares no url (im_service.url may not be"
            + " empty, as with astakos-init); declare its url");
        continue;
      }
      if (current.isEmpty()) {
        actions.add(new AddService(service));
        rows.add(new Offenders.Row(service.name(), null, describe(service)));
        service.resources().forEach(r -> {
          actions.add(new AddResource(service.name(), r));
          rows.add(new Offenders.Row(service.name() + "." + r.name(), null, describe(service.name(), r)));
        });
        continue;
      }
      Registry.Service registered = current.get();
      String was = describe(service, registered);
      if (!was.equals(describe(service))) {
        actions.add(new SetService(registered.id(), service));
        rows.add(new Offenders.Row(service.name(), was, describe(service)));
      }
      for (ServicesSpec.Resource resource : service.resources()) {
        Optional<Registry.Resource> existing = registered.resource(resource.name());
        String wanted = describe(service.name(), resource);
        if (existing.isEmpty()) {
          actions.add(new AddResource(service.name(), resource));
          rows.add(new Offenders.Row(service.name() + "." + resource.name(), null, wanted));
        } else if (!describe(service.name(), existing.get()).equals(wanted)) {
          actions.add(new SetResource(existing.get().id(), resource));
          rows.add(new Offenders.Row(service.name() + "." + resource.name(), describe(service.name(), existing.get()), wanted));
        }
      }
    }
    entity(ServiceHoldings.SYSTEM, quotaholder, actions, rows);
    for (ServicesSpec.Service service : declared) {
      entity(service.name(), quotaholder, actions, rows);
      for (ServicesSpec.Resource resource : service.resources()) {
        String full = service.name() + "." + resource.name();
        Optional<ServiceHoldings.Holding> held = quotaholder.holding(service.name(), full);
        ServiceHoldings.Holding wanted =
            new ServiceHoldings.Holding(0, service.name(), full, "", ServiceHoldings.INFINITE, 0);
        if (held.map(h -> !h.limits().equals(wanted.limits()) || h.flags() != 0).orElse(true)) {
          actions.add(new SetHolding(service.name(), full, held));
          rows.add(new Offenders.Row(full, held.map(ServiceHoldings.Holding::describe).orElse(null),
              wanted.describe()));
        }
      }
    }
    Offenders offenders = Offenders.of(rows);
    int resources = declared.stream().mapToInt(s -> s.resources().size()).sum();
    Observed observed = new Observed(offenders, ImmutableList.copyOf(blockers),
        offenders.count() + (offenders.count() == 1 ? " registration differs" : " registrations differ"),
        declared.size() + " services and " + resources
            + " resources registered as declared, with their quotaholder holdings");
    return new ServicesDiff(observed, ImmutableList.copyOf(actions));
  }

  private static void entity(String name, ServiceHoldings quotaholder, List<Action> actions, List<Offenders.Row> rows) {
    ServiceHoldings.Entity wanted = ServiceHoldings.wantedEntity(name);
    Optional<ServiceHoldings.Entity> held = quotaholder.entity(name);
    if (!held.equals(Optional.of(wanted))) {
      actions.add(new SetEntity(wanted, held.isPresent()));
      rows.add(new Offenders.Row(name, held.map(ServiceHoldings.Entity::describe).orElse(null), wanted.describe()));
    }
  }

  /** The declared service, showing only the keys it declares. */
  private static String describe(ServicesSpec.Service service) {
    return "service " + service.name() + service.url().map(u -> " url=" + u).orElse("")
        + service.order().map(o -> " order=" + o).orElse("");
  }

  /** The registered service, showing the keys the declaration has. */
  private static String describe(ServicesSpec.Service declared, Registry.Service registered) {
    return "service " + declared.name() + (declared.url().isPresent() ? " url=" + registered.url().orElse("-") : "")
        + (declared.order().isPresent() ? " order=" + registered.order() : "");
  }

  private static String describe(String service, ServicesSpec.Resource r) {
    return line(service, r.name(), r.group(), r.unit(), r.uplimit().toString(), r.desc());
  }

  private static String describe(String service, Registry.Resource r) {
    return line(service, r.name(), r.group(), r.unit(), r.uplimit().toString(), r.desc());
  }

  private static String line(String service, String name, Optional<String> group, Optional<String> unit, String uplimit,
      Optional<String> desc) {
    return "resource " + service + "." + name + " group=" + group.orElse("-") + " unit=" + unit.orElse("-") + " uplimit=" + uplimit
        + " desc=" + desc.map(d -> "\"" + d + "\"").orElse("-");
  }
}
