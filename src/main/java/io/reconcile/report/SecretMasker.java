package io.reconcile.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Masks secrets in any text about to leave the process, by meaning and by value. By meaning: the value
 * of any assignment to a secret name (see {@link SecretNames}: token, password, secret, key, or declared
 * in the states), known or not, on every line: the old value a host had is masked like the new one. By
 * value: every value of a secret variable and every secret registered (password files, the history
 * password), in each encoding the tool writes ({@link SecretEncodings}).
 */
public final class SecretMasker {
  public static final String MASK = "********";
  private static final Comparator<String> LONGEST_FIRST = Comparator.comparingInt(String::length).reversed()
      .thenComparing(Comparator.naturalOrder());

  private final SecretNames names;
  private final ImmutableSet<String> declared;
  /** Every encoding of every value, longest first: a secret containing another is masked whole. */
  private final ImmutableList<String> values;
  private final SecretAssignments assignments;

  private SecretMasker(ImmutableSet<String> declared, Set<String> values) {
    this.declared = declared;
    this.names = new SecretNames(declared);
    this.values = values.stream().sorted(LONGEST_FIRST).collect(ImmutableList.toImmutableList());
    this.assignments = new SecretAssignments(names);
  }

  /** Masking by meaning only: what is in place before any variable is read. */
  public static SecretMasker byMeaning() {
    return new SecretMasker(ImmutableSet.of(), Set.of());
  }

  /** The values of the secret variables (by name, or declared) of {@code variableSets}, and the declared names. */
  public static SecretMasker of(Collection<? extends Map<String, String>> variableSets, Set<String> declaredSecret) {
    return byMeaning().withNames(declaredSecret).withVariables(variableSets);
  }

  /** This masker, also treating {@code declaredSecret} as secret names. */
  public SecretMasker withNames(Collection<String> declaredSecret) {
    return new SecretMasker(ImmutableSet.<String>builder().addAll(declared).addAll(declaredSecret).build(),
        Set.copyOf(values));
  }

  /** This masker, plus the values of the secret variables of {@code variableSets}. */
  public SecretMasker withVariables(Collection<? extends Map<String, String>> variableSets) {
    Set<String> more = new TreeSet<>();
    for (Map<String, String> vars : variableSets) {
      vars.forEach((name, value) -> {
        if (names.isSecret(name)) {
          more.add(value);
        }
      });
    }
    return plus(more);
  }

  /** This masker, plus these secret values (password file contents, a history password). */
  public SecretMasker plus(Collection<String> moreSecrets) {
    Set<String> all = new TreeSet<>(values);
    moreSecrets.stream().filter(s -> !s.isEmpty()).forEach(s -> all.addAll(SecretEncodings.of(s)));
    return new SecretMasker(declared, all);
  }

  /** Whether a variable of this name holds a secret. */
  public boolean isSecretName(String name) {
    return names.isSecret(name);
  }

  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : values) {
      masked = masked.replace(secret, MASK);
    }
    return assignments.mask(masked);
  }
}
