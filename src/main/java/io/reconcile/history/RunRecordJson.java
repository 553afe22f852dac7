package io.reconcile.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.report.JsonReport;
import io.reconcile.report.JsonReportReader;
import io.reconcile.report.RunReport;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A run record as one JSON document: the run's identity and outcome first (what `reconcile history`
 * lists), then scope, plan, backups, exports, and the report exactly as docs/contracts.md's JSON document.
 */
public final class RunRecordJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Written as a stream: a tree of a 10000-host record held about 150 MiB (docs/benchmarks.md, scale). */
  public String write(RunRecord run) {
    return JsonReport.document(json -> write(json, run));
  }

  private static void write(JsonGenerator json, RunRecord run) throws IOException {
    RunReport report = run.report();
    RunEntry entry = run.entry();
    json.writeStartObject();
    json.writeStringField("id", run.id());
    json.writeStringField("mode", report.mode().label());
    json.writeStringField("started", report.started().toString());
    json.writeStringField("finished", run.finished().toString());
    json.writeNumberField("exit_code", entry.exitCode());
    json.writeNumberField("hosts", entry.hosts());
    json.writeNumberField("changes", entry.changes());
    json.writeNumberField("failed", entry.failed());
    if (entry.outage().isPresent()) {
      json.writeNumberField("outage_seconds", entry.outage().get().toMillis() / 1000.0);
    } else {
      json.writeNullField("outage_seconds");
    }
    json.writeStringField("inventory", run.inventory());
    json.writeObjectFieldStart("scope");
    json.writeStringField("label", run.scope().label());
    JsonReport.strings(json, "tags", run.scope().tags());
    JsonReport.strings(json, "skip_tags", run.scope().skipTags());
    if (run.scope().limit().isPresent()) {
      json.writeStringField("limit", run.scope().limit().get());
    } else {
      json.writeNullField("limit");
    }
    json.writeEndObject();
    json.writeArrayFieldStart("plan");
    for (PlannedPhase phase : run.plan()) {
      json.writeStartObject();
      json.writeStringField("phase", phase.name());
      json.writeObjectFieldStart("hosts");
      for (Map.Entry<String, ImmutableList<String>> host : phase.resourcesByHost().entrySet()) {
        JsonReport.strings(json, host.getKey(), host.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    JsonReport.strings(json, "backups", run.backups());
    JsonReport.strings(json, "exports", run.exports());
    json.writeFieldName("report");
    new JsonReport().write(json, report);
    json.writeEndObject();
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
