package io.reconcile.cli;

import io.reconcile.report.SecretMasker;
import io.reconcile.state.StateBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the masker learns as a run reads its input. It masks by meaning before anything is read
 * ({@link SecretMasker#byMeaning}); then the values of secret variables of the inventory, the contents of
 * the password files it names ({@code *_password_file}) and the history password; then, once the states
 * are read, the names they declare secret and the values of their declarations' variables.
 */
final class SecretSources {
  /** A password file larger than this is not one; it is not read here (the run reports it where it is used). */
  private static final long MAX_PASSWORD_FILE = 64 * 1024;

  private SecretSources() {}

  static SecretMasker inventory(Collection<? extends Map<String, String>> hostVars, Optional<String> historyPassword) {
    return learn(SecretMasker.byMeaning(), hostVars, historyPassword);
  }

  static SecretMasker states(Collection<? extends Map<String, String>> hostVars, Optional<String> historyPassword,
      StateBundle bundle) {
    List<Map<String, String>> all = new ArrayList<>(hostVars);
    bundle.phases().forEach(p -> p.declarations().forEach(d -> all.add(d.vars())));
    return learn(SecretMasker.byMeaning().withNames(bundle.secretVariables()), all, historyPassword);
  }

  private static SecretMasker learn(SecretMasker masker, Collection<? extends Map<String, String>> variableSets,
      Optional<String> historyPassword) {
    List<String> secrets = new ArrayList<>();
    historyPassword.ifPresent(secrets::add);
    for (Map<String, String> vars : variableSets) {
      vars.forEach((name, value) -> {
        if (name.endsWith("_file") && masker.isSecretName(name.substring(0, name.length() - "_file".length()))) {
          contentOf(value).ifPresent(secrets::add);
        }
      });
    }
    return masker.withVariables(variableSets).plus(secrets);
  }

  /** The password in a file as {@code DatabaseEndpoint} reads it (without the newline echo adds), when readable. */
  private static Optional<String> contentOf(String file) {
    try {
      Path path = Path.of(file);
      if (!Files.isRegularFile(path) || Files.size(path) > MAX_PASSWORD_FILE) {
        return Optional.empty();
      }
      String content = Files.readString(path, StandardCharsets.UTF_8);
      return Optional.of(content.endsWith("\n") ? content.substring(0, content.length() - 1) : content);
    } catch (IOException | InvalidPathException | SecurityException e) {
      return Optional.empty(); // not readable here: it cannot be shown either
    }
  }
}
