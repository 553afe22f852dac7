package io.reconcile.report;

import com.google.common.collect.ImmutableList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replaces the values of secret variables in any text about to leave the process. A variable is secret
 * when its name contains token, password or secret, or when a state file declares it secret.
 */
public final class SecretMasker {
  public static final String MASK = "********";
  private static final SecretMasker NONE = new SecretMasker(ImmutableList.of());

  private final ImmutableList<String> secrets; // longest first, so a secret containing another is masked whole

  private SecretMasker(ImmutableList<String> secrets) {
    this.secrets = secrets;
  }

  public static SecretMasker none() {
    return NONE;
  }

  public static SecretMasker of(Collection<? extends Map<String, String>> variableSets, Set<String> declaredSecret) {
    Set<String> values = new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    for (Map<String, String> vars : variableSets) {
      vars.forEach((name, value) -> {
        if (!value.isEmpty() && (isSecretName(name) || declaredSecret.contains(name))) {
          values.add(value);
        }
      });
    }
    return new SecretMasker(ImmutableList.copyOf(values));
  }

  public SecretMasker plus(Collection<String> moreSecrets) {
    Set<String> values = new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    values.addAll(secrets);
    moreSecrets.stream().filter(s -> !s.isEmpty()).forEach(values::add);
    return new SecretMasker(ImmutableList.copyOf(values));
  }

  static boolean isSecretName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.contains("token") || lower.contains("password") || lower.contains("secret");
  }

  public String mask(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
