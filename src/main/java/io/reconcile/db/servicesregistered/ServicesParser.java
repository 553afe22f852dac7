package io.reconcile.db.servicesregistered;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.reconcile.db.DatabaseVariables;
import io.reconcile.db.quota.Quantities;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.YamlMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * <pre>
 * - services-registered: astakos
 *   services:
 *     - service: cyclades
 *       url: https://cyclades.example.org/ui/    # optional
 *       order: 1                                 # optional
 *       resources:
 *         - {name: vm, group: compute, uplimit: 2, desc: Number of virtual machines}
 *         - {name: ram, group: compute, uplimit: 6*1024*1024*1024, unit: bytes, desc: Virtual machines}
 *     - service: pithos+
 *       renamed_from: pithos
 *       resources: [{name: diskspace, group: storage, uplimit: 5*1024*1024*1024, unit: bytes}]
 * </pre>
 */
public final class ServicesParser implements SpecParser {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
  private static final ImmutableSet<String> SERVICE_KEYS = ImmutableSet.of("service", "renamed_from", "url", "order", "resources");
  private static final ImmutableSet<String> RESOURCE_KEYS = ImmutableSet.of("name", "group", "unit", "uplimit", "desc");

  @Override
  public String type() {
    return "services-registered";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of(DatabaseVariables.ASTAKOS_KEY, "services");
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String name = map.requireString(type());
    ImmutableList<YamlMap> items = map.maps("services");
    if (items.isEmpty()) {
      throw map.error("services", "services-registered needs 'services': the ASTAKOS_SERVICES to register");
    }
    Set<String> names = new HashSet<>();
    ImmutableList.Builder<ServicesSpec.Service> services = ImmutableList.builder();
    for (YamlMap item : items) {
      ServicesSpec.Service service = service(item);
      if (!names.add(service.name())) {
        throw item.error("service", "service '" + service.name() + "' is declared twice");
      }
      services.add(service);
    }
    for (YamlMap item : items) {
      Optional<String> from = item.string("renamed_from");
      if (from.isPresent() && names.contains(from.get())) {
        throw item.error("renamed_from", "'" + from.get() + "' is itself a declared service; it cannot also be renamed");
      }
    }
    return new ServicesSpec(name, DatabaseVariables.parse(map, name), services.build());
  }

  private static ServicesSpec.Service service(YamlMap item) {
    item.rejectUnknownKeys(SERVICE_KEYS);
    String name = word(item, "service");
    Optional<String> from = item.has("renamed_from") ? Optional.of(word(item, "renamed_from")) : Optional.empty();
    if (from.isPresent() && from.get().equals(name)) {
      throw item.error("renamed_from", "a service cannot be renamed to its own name");
    }
    Optional<Integer> order = item.string("order").map(text -> {
      if (!text.matches("[0-9]{1,9}")) {
        throw item.error("order", "'order' must be a non-negative integer, not '" + text + "'");
      }
      return Integer.parseInt(text);
    });
    Set<String> names = new HashSet<>();
    ImmutableList.Builder<ServicesSpec.Resource> resources = ImmutableList.builder();
    for (YamlMap resource : item.maps("resources")) {
      resource.rejectUnknownKeys(RESOURCE_KEYS);
      String resourceName = word(resource, "name");
      if (!names.add(resourceName)) {
        throw resource.error("name", "resource '" + name + "." + resourceName + "' is declared twice");
      }
      if (!resource.has("uplimit")) {
        throw resource.error("name", "resource '" + name + "." + resourceName + "' needs an 'uplimit'");
      }
      resources.add(new ServicesSpec.Resource(resourceName, resource.string("group"), resource.string("unit"),
          Quantities.parse(resource, "uplimit", resource.requireString("uplimit")), resource.string("desc")));
    }
    return new ServicesSpec.Service(name, from, item.string("url"), order, resources.build());
  }

  private static String word(YamlMap map, String key) {
    String value = map.requireString(key);
    if (!NAME.matcher(value).matches()) {
      throw map.error(key, "'" + key + "' must be a name such as cyclades or pithos+, not '" + value + "'");
    }
    return value;
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((ServicesSpec) spec).name();
  }
}
