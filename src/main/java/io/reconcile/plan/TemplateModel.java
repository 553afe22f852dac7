package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template sees for one host: its variables, plus Ansible's `inventory_hostname`, `groups`
 * (group name -> host names) and `hostvars` (host name -> variables). `groups` and `hostvars` are built
 * once per run and shared by every host's model: a copy per host would hold hosts x hosts entries.
 */
public final class TemplateModel {
  private final Map<String, ImmutableList<String>> groups;
  private final ImmutableMap<String, ImmutableMap<String, String>> hostvars;

  /** @param allHosts every inventory host (whatever --limit selected); a later one of a name wins */
  public TemplateModel(Map<String, ImmutableList<String>> groups, List<HostTarget> allHosts) {
    this.groups = ImmutableMap.copyOf(groups);
    ImmutableMap.Builder<String, ImmutableMap<String, String>> vars = ImmutableMap.builder();
    allHosts.forEach(h -> vars.put(h.name(), h.vars()));
    this.hostvars = vars.buildKeepingLast();
  }

  public Map<String, Object> forHost(HostTarget host) {
    Map<String, Object> model = new LinkedHashMap<>(host.vars());
    model.put("inventory_hostname", host.name());
    model.put("groups", groups);
    model.put("hostvars", hostvars);
    return model;
  }
}
