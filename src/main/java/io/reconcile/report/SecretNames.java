package io.reconcile.report;

import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which names (of variables, settings, keys, parameters) mark their value secret: a word of the name
 * says so (token, password, passwd, secret, key), or the states declare the name. A name that ends in
 * a word for where or how long (file, path, dir, duration, ...) names something about a secret, not
 * the secret itself: {@code db_password_file} is a path, {@code AUTH_TOKEN_DURATION} a number of hours.
 */
final class SecretNames {
  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
  private static final ImmutableSet<String> SECRET_PARTS = ImmutableSet.of("token", "password", "passwd", "secret");
  private static final ImmutableSet<String> SECRET_WORDS = ImmutableSet.of("key", "apikey", "privkey", "pw", "pwd");
  private static final ImmutableSet<String> NOT_THE_VALUE =
      ImmutableSet.of("file", "path", "dir", "duration", "length", "timeout", "expires", "lifetime", "count");

  private final ImmutableSet<String> declared; // lower case

  SecretNames(Collection<String> declared) {
    this.declared = declared.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(ImmutableSet.toImmutableSet());
  }

  boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String d : declared) {
      if (lower.equals(d) || lower.endsWith("_" + d)) {
        return true;
      }
    }
    String[] words = Arrays.stream(WORD_BREAK.split(name)).filter(w -> !w.isEmpty())
        .map(w -> w.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    if (words.length == 0 || NOT_THE_VALUE.contains(words[words.length - 1])) {
      return false;
    }
    for (String word : words) {
      if (SECRET_WORDS.contains(word) || SECRET_PARTS.stream().anyMatch(word::contains)) {
        return true;
      }
    }
    return false;
  }
}
