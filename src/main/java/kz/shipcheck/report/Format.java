package kz.shipcheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

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

  /** A reporter writing this format to {@code out}; it never closes {@code out}. */
  public Reporter create(OutputStream out, ReportContext context) throws IOException {
    return switch (this) {
      case TEXT ->
          new TextReporter(
                  new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false),
                  context.words())
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
