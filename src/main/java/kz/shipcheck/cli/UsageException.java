package kz.shipcheck.cli;

/** A user error found while running a command (exit 2): a missing path, an unwritable output. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
