package io.reconcile.savedplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.reconcile.input.InvalidInputException;
import io.reconcile.plan.HostPlan;
import io.reconcile.plan.PlannedChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * A saved plan as a JSON file: written whole or not at all, readable by its owner only (mode 0600, as it
 * names hosts and settings files); read back with every field checked, a malformed file being invalid
 * input (exit 65) at the line where reading failed.
 */
public final class SavedPlanFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SavedPlanFile() {}

  public static void write(Path target, SavedPlan plan) {
    try {
      Path absolute = target.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temp, JSON.writeValueAsString(toJson(plan)) + "\n", StandardCharsets.UTF_8);
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plan " + target + ": " + e.getMessage(), e);
    }
  }

  public static SavedPlan read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new InvalidInputException(file.toString(), line, "not a saved plan (JSON): " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidInputException(file.toString(), 0, "cannot read the plan: " + e.getMessage());
    }
    if (root == null || !SavedPlan.FORMAT.equals(root.path("format").asText())) {
      throw new InvalidInputException(file.toString(), 0, "not a saved plan of this reconcile: expected format '"
          + SavedPlan.FORMAT + "'");
    }
    try {
      return fromJson(root);
    } catch (RuntimeException e) {
      throw new InvalidInputException(file.toString(), 0, "malformed saved plan: " + e.getMessage());
    }
  }

  private static ObjectNode toJson(SavedPlan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", SavedPlan.FORMAT);
    root.put("run_id", plan.runId());
    root.put("created", plan.created().toString());
    root.put("inventory", plan.inventory().toString());
    root.put("states", plan.states().toString());
    root.put("templates", plan.templates().toString());
    root.put("limit", plan.limit().orElse(null));
    plan.tags().forEach(root.putArray("tags")::add);
    plan.skipTags().forEach(root.putArray("skip_tags")::add);
    ObjectNode inputs = root.putObject("inputs");
    plan.inputs().forEach(inputs::put);
    root.put("changes", plan.changes());
    ArrayNode hosts = root.putArray("hosts");
    for (HostPlan host : plan.hosts()) {
      ObjectNode h = hosts.addObject();
      h.put("name", host.host());
      ArrayNode changes = h.putArray("changes");
      for (PlannedChange change : host.changes()) {
        ObjectNode c = changes.addObject();
        c.put("id", change.id());
        c.put("type", change.type());
        c.put("phase", change.phase());
        c.put("before", change.before());
        c.put("after", change.after());
        c.put("diff", change.diff().orElse(null));
        ObjectNode facts = c.putObject("facts");
        change.facts().forEach(facts::put);
      }
    }
    return root;
  }

  private static SavedPlan fromJson(JsonNode root) {
    ImmutableList.Builder<HostPlan> hosts = ImmutableList.builder();
    for (JsonNode host : root.path("hosts")) {
      ImmutableList.Builder<PlannedChange> changes = ImmutableList.builder();
      for (JsonNode c : host.path("changes")) {
        changes.add(new PlannedChange(text(c, "id"), text(c, "type"), text(c, "phase"), text(c, "before"),
            text(c, "after"), optional(c, "diff"), map(c.path("facts"))));
      }
      hosts.add(new HostPlan(text(host, "name"), changes.build()));
    }
    try {
      return new SavedPlan(text(root, "run_id"), Instant.parse(text(root, "created")), Path.of(text(root, "inventory")),
          Path.of(text(root, "states")), Path.of(text(root, "templates")), optional(root, "limit"),
          strings(root.path("tags")), strings(root.path("skip_tags")), map(root.path("inputs")), hosts.build());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'created' is not a time: " + e.getParsedString(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' is missing or not text");
    }
    return value.asText();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(text(node, field));
  }

  private static ImmutableList<String> strings(JsonNode array) {
    ImmutableList.Builder<String> values = ImmutableList.builder();
    array.forEach(v -> values.add(v.asText()));
    return values.build();
  }

  private static ImmutableSortedMap<String, String> map(JsonNode object) {
    ImmutableSortedMap.Builder<String, String> values = ImmutableSortedMap.naturalOrder();
    for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
      values.put(field.getKey(), field.getValue().asText());
    }
    return values.build();
  }
}
