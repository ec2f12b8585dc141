package kz.shipcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import kz.shipcheck.result.RuleInfo;

/**
 * Renders the rule catalogue as text, markdown (for docs/rule-pack.md) or json. A pack's metadata
 * is text from its DRL files: text and markdown show it through {@link Display#safe}, json keeps it
 * exact. Its words (the count, the table's headers) are the run's language ({@code ui.rules.*});
 * json's field names are keys and stay as written.
 */
public final class Catalogue {
  /** The catalogue formats. */
  public enum Style {
    TEXT,
    MARKDOWN,
    JSON
  }

  private Catalogue() {}

  public static String render(List<RuleInfo> rules, Style style, Words words) {
    return switch (style) {
      case TEXT -> text(rules, words);
      case MARKDOWN -> markdown(rules, words);
      case JSON -> json(rules);
    };
  }

  private static String text(List<RuleInfo> rules, Words words) {
    int w = rules.stream().mapToInt(r -> r.id().length()).max().orElse(8);
    StringBuilder b = new StringBuilder();
    for (RuleInfo r : rules) {
      b.append(
              Display.safe(
                  String.format(
                      "%-" + w + "s  %-7s  %-6s  %s",
                      r.id(),
                      r.severity().label(),
                      r.basis(),
                      r.title())))
          .append('\n');
    }
    // the count twice: a number for the plural, its digits to show
    b.append(
            words.text("ui.rules.count", Map.of("count", rules.size(), "shown", "" + rules.size())))
        .append('\n');
    return b.toString();
  }

  /**
   * One table row per rule: id, severity, basis, title, the reference it cites, where it is defined
   * and the reference-data files it reads (so a reader can tell law from assumption and find the
   * rows behind a verdict).
   */
  private static String markdown(List<RuleInfo> rules, Words words) {
    StringBuilder b = new StringBuilder();
    b.append('|');
    for (String column :
        List.of("id", "severity", "basis", "title", "reference", "defined", "reads")) {
      b.append(' ').append(cell(words.text("ui.rules.column." + column))).append(" |");
    }
    b.append('\n');
    b.append("|---|---|---|---|---|---|---|\n");
    for (RuleInfo r : rules) {
      b.append("| ")
          .append(cell(r.id()))
          .append(" | ")
          .append(r.severity().label())
          .append(" | ")
          .append(cell(r.basis()))
          .append(" | ")
          .append(cell(r.title()))
          .append(" | ")
          .append(cell(r.reference()))
          .append(" | ")
          .append(cell(r.file()))
          .append(" | ")
          .append(r.data().isEmpty() ? "" : cell(String.join(", ", r.data())))
          .append(" |\n");
    }
    return b.toString();
  }

  /** A table cell: a pipe would end it, a line break the row; control characters are escaped. */
  private static String cell(String s) {
    return Display.safe(s).replace("|", "\\|");
  }

  private static String json(List<RuleInfo> rules) {
    try {
      return JsonReporter.MAPPER
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(
                  rules.stream()
                      .map(
                          r ->
                              new JsonRule(
                                  r.id(),
                                  r.severity().label(),
                                  r.title(),
                                  r.reference(),
                                  r.basis(),
                                  r.data(),
                                  r.file()))
                      .toList())
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  record JsonRule(
      String id,
      String severity,
      String title,
      String reference,
      String basis,
      List<String> data,
      String file) {}
}
