package io.reconcile.state;

import com.google.common.collect.ImmutableSet;

/** Reads one resource type's keys from a declaration; one implementation per type. */
public interface SpecParser {
  /** The key that names the type in a declaration, e.g. `package` in `- package: snf-common`. */
  String type();

  /** Keys this type accepts besides its type key and the common ones. */
  ImmutableSet<String> keys();

  ResourceSpec parse(YamlMap map, StateFiles files);

  /** The name part of the default id `type:name`. */
  String defaultName(ResourceSpec spec);
}
