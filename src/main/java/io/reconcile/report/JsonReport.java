package io.reconcile.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The JSON document of docs/contracts.md (more fields may be added, none renamed). Written as a stream,
 * not built as a tree first: a tree of a 10000-host report held about 150 MiB (docs/benchmarks.md, scale).
 */
public final class JsonReport {
  private static final JsonFactory JSON = new JsonFactory();

  public String render(RunReport report) {
    return document(json -> write(json, report));
  }

  /** One indented JSON document, as {@code writer} writes it, and a newline. */
  public static String document(JsonWriter writer) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      writer.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  /** What writes one JSON value to a generator. */
  @FunctionalInterface
  public interface JsonWriter {
    void write(JsonGenerator json) throws IOException;
  }

  /** The document as one JSON object, for embedding it in other documents (the run history). */
  public void write(JsonGenerator json, RunReport report) throws IOException {
    json.writeStartObject();
    json.writeStringField("mode", report.mode().label());
    json.writeStringField("run_id", report.runId());
    json.writeStringField("started", report.started().toString());
    json.writeNumberField("elapsed_seconds", report.elapsed().toMillis() / 1000.0);
    put(json, "stopped_at_phase", report.stoppedAt());
    put(json, "interrupted", report.interrupted());
    if (report.outage().isPresent()) {
      json.writeFieldName("outage");
      outage(json, report.outage().get());
    } else {
      json.writeNullField("outage");
    }
    Summary s = report.summary();
    json.writeObjectFieldStart("summary");
    json.writeNumberField("hosts", s.hosts());
    json.writeNumberField("ok", s.ok());
    json.writeNumberField("drifted", s.drifted());
    json.writeNumberField("changed", s.changed());
    json.writeNumberField("failed", s.failed());
    json.writeNumberField("unreachable", s.unreachable());
    json.writeNumberField("changes", s.changes());
    json.writeEndObject();
    json.writeArrayFieldStart("hosts");
    for (HostResult host : report.hosts()) {
      json.writeStartObject();
      json.writeStringField("name", host.name());
      json.writeStringField("status", host.status().label());
      put(json, "error", host.error());
      json.writeArrayFieldStart("resources");
      for (ResourceResult resource : host.resources()) {
        json.writeStartObject();
        json.writeStringField("id", resource.id());
        json.writeStringField("type", resource.type());
        json.writeStringField("status", resource.status().label());
        put(json, "before", resource.before());
        put(json, "after", resource.after());
        put(json, "diff", resource.diff());
        put(json, "error", resource.error());
        json.writeStringField("phase", resource.phase());
        strings(json, "backups", resource.backups());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void outage(JsonGenerator json, OutageWindow outage) throws IOException {
    json.writeStartObject();
    put(json, "first_stopped", outage.firstStopped().map(Object::toString));
    put(json, "first_stopped_by", outage.firstStoppedBy());
    put(json, "last_serving", outage.lastServing().map(Object::toString));
    put(json, "last_serving_by", outage.lastServingBy());
    if (outage.duration().isPresent()) {
      json.writeNumberField("seconds", outage.duration().get().toMillis() / 1000.0);
    } else {
      json.writeNullField("seconds");
    }
    strings(json, "down_at_end", outage.downAtEnd());
    json.writeEndObject();
  }

  /** A field holding an array of strings. */
  public static void strings(JsonGenerator json, String field, Iterable<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void put(JsonGenerator json, String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(field, value.get());
    } else {
      json.writeNullField(field);
    }
  }
}
