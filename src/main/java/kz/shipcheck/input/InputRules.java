package kz.shipcheck.input;

import java.util.List;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;

/**
 * The checks built into the reader rather than written in DRL: they decide whether a document can
 * be read as a declaration at all ({@code invalid}), plus the batch-wide duplicate-id check. They
 * appear in the catalogue beside the pack's rules.
 */
public final class InputRules {
  public static final String DUPLICATE_ID = "BATCH-001";

  private static final String SPEC = "shipcheck SPEC §1 (declaration format)";

  public static final List<RuleInfo> ALL =
      List.of(
          rule("INPUT-SYNTAX", "The document is valid YAML"),
          rule("INPUT-ENCODING", "The file is UTF-8 text"),
          rule("INPUT-BINARY", "The file is text, not binary data"),
          rule("INPUT-EMPTY", "The file holds at least one declaration"),
          rule("INPUT-UNREADABLE", "The file can be opened and read"),
          rule("INPUT-LIMIT", "The input stays within the size, depth and document limits"),
          rule("INPUT-TAG", "No YAML tags: declarations are plain data"),
          rule("INPUT-ALIAS", "No YAML aliases: values are written out"),
          rule("INPUT-TYPE", "Every value has the type the format requires"),
          rule("INPUT-UNKNOWN-KEY", "Every key is part of the declaration format"),
          rule("INPUT-DUPLICATE-KEY", "No key appears twice in one mapping"),
          rule("INPUT-REQUIRED", "Required fields are present"),
          new RuleInfo(
              DUPLICATE_ID,
              Severity.ERROR,
              "Declaration ids are unique within a batch",
              SPEC,
              "model",
              List.of(),
              "(built in)",
              0));

  private InputRules() {}

  private static RuleInfo rule(String id, String title) {
    return new RuleInfo(id, Severity.ERROR, title, SPEC, "model", List.of(), "(built in)", 0);
  }
}
