package kz.shipcheck.model;

import java.util.List;

/** How the goods travel; every field may be null when not declared. */
public final class Transport {
  private final String mode;
  private final String borderCrossing;
  private final List<String> containers;
  private final String destination;

  public Transport(
      String mode, String borderCrossing, List<String> containers, String destination) {
    this.mode = mode;
    this.borderCrossing = borderCrossing;
    this.containers = containers == null ? List.of() : List.copyOf(containers);
    this.destination = destination;
  }

  public String getMode() {
    return mode;
  }

  public String getBorderCrossing() {
    return borderCrossing;
  }

  public List<String> getContainers() {
    return containers;
  }

  public String getDestination() {
    return destination;
  }
}
