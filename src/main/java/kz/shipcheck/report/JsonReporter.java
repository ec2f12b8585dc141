package kz.shipcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Summary;
import kz.shipcheck.result.Waived;

/**
 * The {@code json} report (docs/reports.md) and (with {@code lines}) the streaming {@code jsonl}
 * one: each result as a single line, written as it arrives. The json report puts the summary before
 * the results, so it parks the results in a {@link Spool} (on disk, one line each) and writes the
 * whole document at {@link #finish}; memory stays flat either way.
 */
final class JsonReporter implements Reporter {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setDefaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  /** The JSON shape of one finding; {@code hint} and {@code waived} are left out when absent. */
  record JsonFinding(
      String rule,
      String severity,
      String message,
      String path,
      int line,
      int column,
      String reference,
      String basis,
      String hint,
      Waived waived) {
    static JsonFinding of(Finding f) {
      return new JsonFinding(
          f.rule(),
          f.severity().label(),
          f.message(),
          f.path(),
          f.line(),
          f.column(),
          f.reference(),
          f.basis(),
          f.hint(),
          f.waived());
    }
  }

  /** The JSON shape of one result. {@code id} is null (JSON null) for unreadable documents. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record JsonResult(
      String file, int document, String id, String outcome, List<JsonFinding> findings) {
    static JsonResult of(DeclarationResult r) {
      return new JsonResult(
          r.file(),
          r.document(),
          r.id(),
          r.outcome().label(),
          r.findings().stream().map(JsonFinding::of).toList());
    }
  }

  private final OutputStream out;
  private final boolean lines;
  private final ReportContext context;
  private Spool spool;

  JsonReporter(OutputStream out, ReportContext context, boolean lines) {
    this.out = out;
    this.context = context;
    this.lines = lines;
  }

  /**
   * A generator writing indented JSON in the usual shape ({@code "key": value}, two spaces, one
   * element per line, {@code []} when empty), used by the sarif report. It never closes {@code
   * out}.
   */
  static JsonGenerator pretty(OutputStream out) throws IOException {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return generator(
        out,
        new DefaultPrettyPrinter(separators).withObjectIndenter(indent).withArrayIndenter(indent));
  }

  /** The json report's own layout (Jackson's default pretty printer, two-space objects). */
  private static JsonGenerator jsonLayout(OutputStream out) throws IOException {
    return generator(
        out, new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
  }

  private static JsonGenerator generator(OutputStream out, DefaultPrettyPrinter pretty)
      throws IOException {
    JsonGenerator g = MAPPER.getFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setPrettyPrinter(pretty);
    return g;
  }

  @Override
  public void result(DeclarationResult r) throws IOException {
    if (lines) {
      out.write(MAPPER.writeValueAsBytes(JsonResult.of(r)));
      out.write('\n');
    } else {
      if (spool == null) {
        spool = new Spool();
      }
      spool.stream().write(MAPPER.writeValueAsBytes(JsonResult.of(r)));
      spool.stream().write('\n');
    }
  }

  @Override
  public void finish(Summary s, WaiverNotes waivers) throws IOException {
    if (lines) {
      out.flush();
      return;
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("declarations", s.declarations());
    summary.put("passed", s.passed());
    summary.put("failed", s.failed());
    summary.put("invalid", s.invalid());
    summary.put("waived", s.waived());
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "shipcheck");
    tool.put("version", context.toolVersion());
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("expired", waivers.expired());
    notes.put("unused", waivers.unused());
    try (JsonGenerator g = jsonLayout(out)) { // closing flushes it; AUTO_CLOSE_TARGET is off
      g.writeStartObject();
      g.writeNumberField("formatVersion", 1);
      g.writeFieldName("tool");
      MAPPER.writeValue(g, tool);
      if (context.pack() != null) {
        g.writeFieldName("pack");
        MAPPER.writeValue(g, packFields(context.pack()));
      }
      g.writeFieldName("summary");
      MAPPER.writeValue(g, summary);
      g.writeArrayFieldStart("results");
      if (spool != null) {
        try (BufferedReader in = spool.reader()) {
          for (String line; (line = in.readLine()) != null; ) {
            g.writeTree(MAPPER.readTree(line));
          }
        }
      }
      g.writeEndArray();
      g.writeFieldName("waivers");
      MAPPER.writeValue(g, notes);
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  /**
   * The pack that judged the run, as every report names it: name, version, effective (null for a
   * pack without a manifest: the key stays, so consumers need not guess), sha256.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record JsonPack(String name, String version, String effective, String sha256) {}

  static JsonPack packFields(kz.shipcheck.pack.PackId p) {
    return new JsonPack(p.name(), p.version(), p.effectiveText(), p.sha256());
  }

  @Override
  public void close() {
    if (spool != null) {
      spool.close();
    }
  }
}
