package kz.shipcheck.security;

/**
 * A class that records being loaded or constructed. Documents tag values with its name: if YAML
 * ever built objects from tags, {@link TripwireLog} would show it.
 */
public final class Tripwire {
  static {
    TripwireLog.loaded = true;
  }

  public Tripwire() {
    TripwireLog.constructed = true;
  }

  public Tripwire(String any) {
    TripwireLog.constructed = true;
  }
}
