package kz.shipcheck.pack;

/** A border crossing and the transport mode it serves (rail or road). */
public record Crossing(String key, String name, String mode, String source, String basis) {}
