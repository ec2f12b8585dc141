package kz.shipcheck.pack;

import java.time.LocalDate;

/** How many US dollars one unit of a currency was worth on a date. */
public record Rate(String currency, double usd, LocalDate asOf, String source, String basis) {}
