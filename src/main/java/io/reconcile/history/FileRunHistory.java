package io.reconcile.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded history: one JSON file per run under {@code STATE_DIR/runs/}, named
 * {@code STARTED_RUNID.json} so that names sort by start time (to the millisecond), plus, per scope, a
 * small file naming the latest successful check ({@code STATE_DIR/checks/}), so that finding it never
 * means reading every run.
 */
public final class FileRunHistory implements RunHistory {
  private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path runs;
  private final Path checks;
  private final RunRecordJson json = new RunRecordJson();

  public FileRunHistory(Path stateDir) {
    this.runs = stateDir.resolve("runs");
    this.checks = stateDir.resolve("checks");
  }

  @Override
  public void record(RunRecord run) {
    PrivateFiles.write(runs.resolve(STARTED.format(run.report().started()) + "_" + run.id() + ".json"), json.write(run));
    if (run.successfulCheck()) {
      Path marker = checks.resolve(Hashing.sha256().hashString(run.scope().label(), StandardCharsets.UTF_8) + ".json");
      boolean newer = readMarker(marker).map(last -> last.isBefore(run.finished())).orElse(true);
      if (newer) {
        PrivateFiles.write(marker, MAPPER.createObjectNode().put("scope", run.scope().label()).put("run", run.id())
            .put("finished", run.finished().toString()).toString() + "\n");
      }
    }
  }

  @Override
  public List<RunEntry> latest(int count) {
    return runFiles().limit(count).map(this::read).map(RunRecord::entry).toList();
  }

  @Override
  public Optional<RunRecord> find(String runId) {
    return runFiles().filter(f -> f.getFileName().toString().endsWith("_" + runId + ".json")).findFirst().map(this::read);
  }

  @Override
  public Optional<Instant> lastSuccessfulCheck(String scopeLabel) {
    return readMarker(checks.resolve(Hashing.sha256().hashString(scopeLabel, StandardCharsets.UTF_8) + ".json"));
  }

  /** Run files, newest first. */
  private Stream<Path> runFiles() {
    if (!Files.isDirectory(runs)) {
      return Stream.empty();
    }
    try (Stream<Path> files = Files.list(runs)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
          .toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runs + ": " + e.getMessage(), e);
    }
  }

  private RunRecord read(Path file) {
    try {
      return json.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  private static Optional<Instant> readMarker(Path marker) {
    if (!Files.isRegularFile(marker)) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(Files.readString(marker, StandardCharsets.UTF_8));
      return Optional.of(Instant.parse(node.path("finished").asText()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + marker + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {}
}
