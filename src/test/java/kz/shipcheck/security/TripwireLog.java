package kz.shipcheck.security;

/** What {@link Tripwire} saw; kept apart so that reading it does not load the tripwire itself. */
final class TripwireLog {
  static volatile boolean loaded;
  static volatile boolean constructed;

  private TripwireLog() {}
}
