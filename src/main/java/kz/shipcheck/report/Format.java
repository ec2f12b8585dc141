package kz.shipcheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every report format, and the one place that knows which class writes it. */
public enum Format {
  TEXT,
  JSON,
  JSONL,
  CSV,
  JUNIT,
  SARIF,
  GITHUB,
  HTML;

  /** The name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every format's name, comma-separated, for help and error messages. */
  public static String labels() {
    return Arrays.stream(values()).map(Format::label).collect(Collectors.joining(", "));
  }

  public static Format parse(String s) {
    for (Format f : values()) {
      if (f.label().equals(s)) {
        return f;
      }
    }
    return null;
  }

  /** A reporter writing this format to {@code out}; it never closes {@code out}. */
  public Reporter create(OutputStream out, ReportContext context) throws IOException {
    return switch (this) {
      case TEXT -> new TextReporter(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false))
          .packLine(context.pack() == null ? null : context.pack().line());
      case JSON -> new JsonReporter(out, context, false);
      case JSONL -> new JsonReporter(out, context, true);
      case CSV -> new CsvReporter(out, context.pack());
      case JUNIT -> new JunitReporter(out, context.pack(), context.failOn());
      case SARIF -> new SarifReporter(out, context);
      case GITHUB -> new GithubReporter(out);
      case HTML -> new HtmlReporter(out, context);
    };
  }
}
