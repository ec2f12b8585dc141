package kz.shipcheck.report;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Every report format, and the one place that knows which class writes it. */
public enum Format {
  TEXT,
  JSON,
  JSONL;

  /** The name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Format parse(String s) {
    for (Format f : values()) {
      if (f.label().equals(s)) {
        return f;
      }
    }
    return null;
  }

  public Reporter create(OutputStream out, ReportContext context) {
    return switch (this) {
      case TEXT -> new TextReporter(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false));
      case JSON -> new JsonReporter(out, context, false);
      case JSONL -> new JsonReporter(out, context, true);
    };
  }
}
