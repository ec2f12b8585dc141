package kz.shipcheck.cli;

import java.util.Locale;
import kz.shipcheck.yaml.InputLimits;
import picocli.CommandLine.Option;

/**
 * The input limits of {@code check} ({@code --max-file-mb} … {@code --max-line-chars}), as a mixin.
 */
final class LimitOptions {
  // Read as text and parsed in limits(): a value out of range, or not a number at all, is then one
  // line naming the option and its range (exit 2), and no value can overflow the arithmetic done
  // on it (--max-depth 2147483647 was an internal error).
  @Option(
      names = "--max-file-mb",
      paramLabel = "N",
      defaultValue = "" + InputLimits.DEFAULT_MAX_FILE_MB,
      description =
          "files larger than N MB are invalid, "
              + InputLimits.MIN_FILE_MB
              + " to "
              + InputLimits.MAX_FILE_MB
              + " (default: ${DEFAULT-VALUE})")
  String maxFileMb;

  @Option(
      names = "--max-documents",
      paramLabel = "N",
      defaultValue = "" + InputLimits.DEFAULT_MAX_DOCUMENTS,
      description =
          "documents beyond N in one file end as one invalid result, "
              + InputLimits.MIN_DOCUMENTS
              + " to "
              + InputLimits.MAX_DOCUMENTS
              + " (default: ${DEFAULT-VALUE})")
  String maxDocuments;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      defaultValue = "" + InputLimits.DEFAULT_MAX_DEPTH,
      description =
          "deepest nesting of a document, "
              + InputLimits.MIN_DEPTH
              + " to "
              + InputLimits.MAX_DEPTH
              + " (default: ${DEFAULT-VALUE})")
  String maxDepth;

  @Option(
      names = "--max-values",
      paramLabel = "N",
      defaultValue = "" + InputLimits.DEFAULT_MAX_VALUES,
      description =
          "most values (scalars, lists, mappings) in one document, "
              + InputLimits.MIN_VALUES
              + " to "
              + InputLimits.MAX_VALUES
              + " (default: ${DEFAULT-VALUE})")
  String maxValues;

  @Option(
      names = "--max-value-chars",
      paramLabel = "N",
      defaultValue = "" + InputLimits.DEFAULT_MAX_SCALAR_CHARS,
      description =
          "longest single value or key, in characters, "
              + InputLimits.MIN_SCALAR_CHARS
              + " to "
              + InputLimits.MAX_SCALAR_CHARS
              + " (default: ${DEFAULT-VALUE})")
  String maxValueChars;

  @Option(
      names = "--max-line-chars",
      paramLabel = "N",
      defaultValue = "" + InputLimits.DEFAULT_MAX_LINE_CHARS,
      description =
          "longest line, in characters, "
              + InputLimits.MIN_LINE_CHARS
              + " to "
              + InputLimits.MAX_LINE_CHARS
              + " (default: ${DEFAULT-VALUE})")
  String maxLineChars;

  /**
   * The limits given; a value out of its range is a usage error naming the option and the range.
   */
  InputLimits limits() {
    return new InputLimits(
        number("--max-file-mb", maxFileMb, InputLimits.MIN_FILE_MB, InputLimits.MAX_FILE_MB)
            * 1024L
            * 1024L,
        number(
            "--max-documents", maxDocuments, InputLimits.MIN_DOCUMENTS, InputLimits.MAX_DOCUMENTS),
        number("--max-depth", maxDepth, InputLimits.MIN_DEPTH, InputLimits.MAX_DEPTH),
        number(
            "--max-value-chars",
            maxValueChars,
            InputLimits.MIN_SCALAR_CHARS,
            InputLimits.MAX_SCALAR_CHARS),
        number("--max-values", maxValues, InputLimits.MIN_VALUES, InputLimits.MAX_VALUES),
        number(
            "--max-line-chars",
            maxLineChars,
            InputLimits.MIN_LINE_CHARS,
            InputLimits.MAX_LINE_CHARS));
  }

  /**
   * A numeric option's value: decimal digits within [min, max]; anything else is a usage error
   * (exit 2) that names the option and its range.
   */
  static int number(String option, String value, int min, int max) {
    String v = value.strip();
    if (!v.matches("[0-9]{1,10}") || Long.parseLong(v) < min || Long.parseLong(v) > max) {
      throw new UsageException(
          String.format(
              Locale.ROOT,
              "%s: must be a whole number from %,d to %,d, found '%s'",
              option,
              min,
              max,
              value));
    }
    return Integer.parseInt(v);
  }
}
