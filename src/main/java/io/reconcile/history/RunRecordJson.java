package io.reconcile.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.report.JsonReport;
import io.reconcile.report.JsonReportReader;
import io.reconcile.report.RunReport;
import java.util.Map;
import java.util.Optional;

/**
 * A run record as one JSON document: the run's identity and outcome first (what `reconcile history`
 * lists), then scope, plan, backups, exports, and the report exactly as docs/contracts.md's JSON document.
 */
public final class RunRecordJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String write(RunRecord run) {
    RunReport report = run.report();
    ObjectNode root = MAPPER.createObjectNode();
    RunEntry entry = run.entry();
    root.put("id", run.id());
    root.put("mode", report.mode().label());
    root.put("started", report.started().toString());
    root.put("finished", run.finished().toString());
    root.put("exit_code", entry.exitCode());
    root.put("hosts", entry.hosts());
    root.put("changes", entry.changes());
    root.put("failed", entry.failed());
    entry.outage().ifPresentOrElse(d -> root.put("outage_seconds", d.toMillis() / 1000.0),
        () -> root.putNull("outage_seconds"));
    root.put("inventory", run.inventory());
    ObjectNode scope = root.putObject("scope");
    scope.put("label", run.scope().label());
    run.scope().tags().forEach(scope.putArray("tags")::add);
    run.scope().skipTags().forEach(scope.putArray("skip_tags")::add);
    run.scope().limit().ifPresentOrElse(l -> scope.put("limit", l), () -> scope.putNull("limit"));
    ArrayNode plan = root.putArray("plan");
    for (PlannedPhase phase : run.plan()) {
      ObjectNode p = plan.addObject();
      p.put("phase", phase.name());
      ObjectNode hosts = p.putObject("hosts");
      phase.resourcesByHost().forEach((host, ids) -> ids.forEach(hosts.putArray(host)::add));
    }
    run.backups().forEach(root.putArray("backups")::add);
    run.exports().forEach(root.putArray("exports")::add);
    root.set("report", new JsonReport().tree(report));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public RunRecord read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a run record: " + e.getOriginalMessage(), e);
    }
    JsonNode scope = root.path("scope");
    JsonNode limit = scope.path("limit");
    RunScope runScope = RunScope.of(strings(scope.path("tags")), strings(scope.path("skip_tags")),
        limit.isTextual() ? Optional.of(limit.asText()) : Optional.empty());
    ImmutableList.Builder<PlannedPhase> plan = ImmutableList.builder();
    for (JsonNode phase : root.path("plan")) {
      ImmutableMap.Builder<String, ImmutableList<String>> hosts = ImmutableMap.builder();
      for (Map.Entry<String, JsonNode> host : phase.path("hosts").properties()) {
        hosts.put(host.getKey(), strings(host.getValue()));
      }
      plan.add(new PlannedPhase(phase.path("phase").asText(), hosts.build()));
    }
    return new RunRecord(runScope, root.path("inventory").asText(), plan.build(), strings(root.path("backups")),
        strings(root.path("exports")), new JsonReportReader().read(root.path("report")));
  }

  private static ImmutableList<String> strings(JsonNode array) {
    ImmutableList.Builder<String> values = ImmutableList.builder();
    array.forEach(v -> values.add(v.asText()));
    return values.build();
  }
}
