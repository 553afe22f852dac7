package io.reconcile.state;

/** Whether a thing should exist. */
public enum Ensure {
  PRESENT,
  ABSENT;

  public static Ensure parse(YamlMap map, String key) {
    return map.string(key).map(value -> switch (value) {
      case "present" -> PRESENT;
      case "absent" -> ABSENT;
      default -> throw map.error(key, "'" + key + "' must be present or absent, not '" + value + "'");
    }).orElse(PRESENT);
  }
}
