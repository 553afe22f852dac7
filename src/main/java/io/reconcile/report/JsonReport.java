package io.reconcile.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The JSON document of docs/contracts.md (more fields may be added, none renamed). */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String render(RunReport report) {
    try {
      return MAPPER.writeValueAsString(tree(report)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document as a tree, for embedding it in other documents (the run history). */
  public ObjectNode tree(RunReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("mode", report.mode().label());
    root.put("run_id", report.runId());
    root.put("started", report.started().toString());
    root.put("elapsed_seconds", report.elapsed().toMillis() / 1000.0);
    report.stoppedAt().ifPresentOrElse(p -> root.put("stopped_at_phase", p), () -> root.putNull("stopped_at_phase"));
    put(root, "interrupted", report.interrupted());
    report.outage().ifPresentOrElse(o -> outage(root.putObject("outage"), o), () -> root.putNull("outage"));
    Summary s = report.summary();
    ObjectNode summary = root.putObject("summary");
    summary.put("hosts", s.hosts());
    summary.put("ok", s.ok());
    summary.put("drifted", s.drifted());
    summary.put("changed", s.changed());
    summary.put("failed", s.failed());
    summary.put("unreachable", s.unreachable());
    summary.put("changes", s.changes());
    ArrayNode hosts = root.putArray("hosts");
    for (HostResult host : report.hosts()) {
      ObjectNode h = hosts.addObject();
      h.put("name", host.name());
      h.put("status", host.status().label());
      put(h, "error", host.error());
      ArrayNode resources = h.putArray("resources");
      for (ResourceResult resource : host.resources()) {
        ObjectNode r = resources.addObject();
        r.put("id", resource.id());
        r.put("type", resource.type());
        r.put("status", resource.status().label());
        put(r, "before", resource.before());
        put(r, "after", resource.after());
        put(r, "diff", resource.diff());
        put(r, "error", resource.error());
        r.put("phase", resource.phase());
        ArrayNode backups = r.putArray("backups");
        resource.backups().forEach(backups::add);
      }
    }
    return root;
  }

  private static void outage(ObjectNode node, OutageWindow outage) {
    put(node, "first_stopped", outage.firstStopped().map(Object::toString));
    put(node, "first_stopped_by", outage.firstStoppedBy());
    put(node, "last_serving", outage.lastServing().map(Object::toString));
    put(node, "last_serving_by", outage.lastServingBy());
    outage.duration().ifPresentOrElse(d -> node.put("seconds", d.toMillis() / 1000.0), () -> node.putNull("seconds"));
    ArrayNode down = node.putArray("down_at_end");
    outage.downAtEnd().forEach(down::add);
  }

  private static void put(ObjectNode node, String field, Optional<String> value) {
    value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
  }
}
