package io.reconcile.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template sees for one host: its variables, plus Ansible's `inventory_hostname`, `groups`
 * (group name -> host names) and `hostvars` (host name -> variables).
 */
public final class TemplateModel {
  private TemplateModel() {}

  public static Map<String, Object> forHost(HostTarget host, Map<String, ImmutableList<String>> groups, List<HostTarget> allHosts) {
    Map<String, Object> model = new LinkedHashMap<>(host.vars());
    model.put("inventory_hostname", host.name());
    model.put("groups", groups);
    ImmutableMap.Builder<String, Object> hostvars = ImmutableMap.builder();
    allHosts.forEach(h -> hostvars.put(h.name(), h.vars()));
    model.put("hostvars", hostvars.buildKeepingLast());
    return model;
  }
}
