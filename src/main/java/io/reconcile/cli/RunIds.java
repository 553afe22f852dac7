package io.reconcile.cli;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Run ids sort by time and stay unique: 20261125T130102Z-3fa9. */
final class RunIds {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private RunIds() {}

  static String next() {
    return FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + String.format("%04x", new SecureRandom().nextInt(0x10000));
  }
}
