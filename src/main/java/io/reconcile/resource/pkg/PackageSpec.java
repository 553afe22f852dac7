package io.reconcile.resource.pkg;

import io.reconcile.state.Ensure;
import io.reconcile.state.ResourceSpec;

import java.util.Optional;

/** A Debian package installed at an exact version, installed at any version, or absent. */
public record PackageSpec(String name, Ensure ensure, Optional<String> version) implements ResourceSpec {}
