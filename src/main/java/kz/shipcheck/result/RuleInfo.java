package kz.shipcheck.result;

import java.util.List;

/**
 * A rule's metadata, read from its {@code @id}, {@code @severity}, {@code @reference}, {@code
 * @basis} and {@code @data} annotations (or, for the reader's built-in input checks, declared in
 * Java), with its title from the pack's messages ({@code <RULE-ID>.title}, in the chosen
 * language; a pack without one may still give {@code @title}). The one source for the catalogue,
 * SARIF rules, docs and findings.
 *
 * @param data the reference-data files the rule reads
 * @param file the file that defines the rule, {@code access.drl}, or "(built in)"
 * @param line the line of its {@code rule} keyword, 0 for built-in checks
 */
public record RuleInfo(
    String id,
    Severity severity,
    String title,
    String reference,
    String basis,
    List<String> data,
    String file,
    int line) {}
