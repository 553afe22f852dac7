package io.reconcile.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reconcile.report.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** One in-process `reconcile` run with its exit code and output, for tests. */
public record ReconcileRun(int code, String out, String err) {

  public static ReconcileRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicReference<SecretMasker> masker = new AtomicReference<>(SecretMasker.byMeaning());
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), masker::set);
    return new ReconcileRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public static ReconcileRun of(List<String> args) {
    return of(args.toArray(String[]::new));
  }

  public JsonNode json() {
    try {
      return new ObjectMapper().readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + out + err, e);
    }
  }

  /** host -> resource id -> status, from a `--format json` run. */
  public Map<String, Map<String, String>> statuses() {
    Map<String, Map<String, String>> byHost = new HashMap<>();
    for (JsonNode host : json().get("hosts")) {
      Map<String, String> resources = new HashMap<>();
      host.get("resources").forEach(r -> resources.put(r.get("id").asText(), r.get("status").asText()));
      byHost.put(host.get("name").asText(), resources);
    }
    return byHost;
  }

  /** host -> ids of resources with the given status. */
  public Map<String, List<String>> idsWithStatus(String status) {
    Map<String, List<String>> ids = new HashMap<>();
    statuses().forEach((host, resources) -> {
      List<String> matching = new ArrayList<>();
      resources.forEach((id, s) -> {
        if (s.equals(status)) {
          matching.add(id);
        }
      });
      ids.put(host, matching);
    });
    return ids;
  }

  @Override
  public String toString() {
    return "exit " + code + "\n" + out + err;
  }
}
