package io.reconcile.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Reads a document written by {@link JsonReport} back into a report (for `reconcile show`). */
public final class JsonReportReader {

  public RunReport read(JsonNode root) {
    ImmutableList.Builder<HostResult> hosts = ImmutableList.builder();
    for (JsonNode host : root.path("hosts")) {
      ImmutableList.Builder<ResourceResult> resources = ImmutableList.builder();
      for (JsonNode r : host.path("resources")) {
        ImmutableList.Builder<String> backups = ImmutableList.builder();
        r.path("backups").forEach(b -> backups.add(b.asText()));
        resources.add(new ResourceResult(r.path("id").asText(), r.path("type").asText(), r.path("phase").asText(),
            ResourceStatus.valueOf(upper(r.path("status").asText())), text(r, "before"), text(r, "after"),
            text(r, "diff"), text(r, "error"), backups.build()));
      }
      hosts.add(new HostResult(host.path("name").asText(), HostStatus.valueOf(upper(host.path("status").asText())),
          text(host, "error"), resources.build()));
    }
    return new RunReport(root.path("run_id").asText(), Mode.valueOf(upper(root.path("mode").asText())),
        Instant.parse(root.path("started").asText()),
        Duration.ofMillis(Math.round(root.path("elapsed_seconds").asDouble() * 1000)), hosts.build(),
        text(root, "stopped_at_phase"), text(root, "interrupted"), outage(root.path("outage")));
  }

  /** Absent in reports written before the outage window was recorded, and null where a run had none. */
  private static Optional<OutageWindow> outage(JsonNode node) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    ImmutableList.Builder<String> down = ImmutableList.builder();
    node.path("down_at_end").forEach(d -> down.add(d.asText()));
    return Optional.of(new OutageWindow(text(node, "first_stopped").map(Instant::parse), text(node, "first_stopped_by"),
        text(node, "last_serving").map(Instant::parse), text(node, "last_serving_by"), down.build()));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static String upper(String label) {
    return label.toUpperCase(Locale.ROOT);
  }
}
