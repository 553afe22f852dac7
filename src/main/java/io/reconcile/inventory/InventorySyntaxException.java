package io.reconcile.inventory;

/**
 * A malformed piece of one inventory line. Thrown by the line-level helpers, which do not know
 * the file or line number; {@link InventoryParser} turns it into an InvalidInputException.
 */
final class InventorySyntaxException extends RuntimeException {
  InventorySyntaxException(String message) {
    super(message);
  }
}
