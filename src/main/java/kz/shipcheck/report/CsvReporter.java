package kz.shipcheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Summary;

/**
 * The {@code csv} report: one row per finding (RFC 4180, UTF-8, CRLF), streamed. A declaration with
 * no finding still gets one row, with the finding columns empty, so every declaration of the batch
 * is in the file. Waived findings keep their row with {@code waived} = yes and the waiver's reason,
 * expiry and approver. Waivers that did not apply close the file as rows whose {@code outcome} is
 * {@code waiver-expired} or {@code waiver-unused} (their {@code line} is the line in the waivers
 * file). The last row names the pack that judged the run ({@code outcome} = {@code pack}, {@code
 * declaration} = its name, {@code message} = version, effective date and sha256).
 *
 * <p>Spreadsheet-safe: a text cell that starts with {@code = + - @}, a tab or a carriage return is
 * prefixed with an apostrophe so that no spreadsheet runs it as a formula (CSV injection).
 */
final class CsvReporter implements Reporter {
  static final List<String> HEADER =
      List.of(
          "file",
          "document",
          "declaration",
          "outcome",
          "rule",
          "severity",
          "waived",
          "message",
          "path",
          "line",
          "column",
          "reference",
          "basis",
          "hint",
          "waiver_reason",
          "waiver_expires",
          "waiver_approved_by");

  private final Writer out;
  private final kz.shipcheck.pack.PackId pack;

  CsvReporter(OutputStream out) throws IOException {
    this(out, null);
  }

  /**
   * @param pack the pack that judged the run, written as the file's last row; or null
   */
  CsvReporter(OutputStream out, kz.shipcheck.pack.PackId pack) throws IOException {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.pack = pack;
    row(HEADER.toArray(new Object[0]));
  }

  @Override
  public void result(DeclarationResult r) throws IOException {
    String id = r.id() == null ? "" : r.id();
    if (r.findings().isEmpty()) {
      row(
          r.file(),
          r.document(),
          id,
          r.outcome().label(),
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "");
      return;
    }
    for (Finding f : r.findings()) {
      boolean w = f.isWaived();
      row(
          r.file(),
          r.document(),
          id,
          r.outcome().label(),
          f.rule(),
          f.severity().label(),
          w ? "yes" : "no",
          f.message(),
          f.path(),
          f.line(),
          f.column(),
          nz(f.reference()),
          nz(f.basis()),
          nz(f.hint()),
          w ? nz(f.waived().reason()) : "",
          w ? nz(f.waived().expires()) : "",
          w ? nz(f.waived().approvedBy()) : "");
    }
  }

  @Override
  public void finish(Summary summary, WaiverNotes waivers) throws IOException {
    for (WaiverNotes.Entry e : waivers.expired()) {
      note(e, "waiver-expired", "waiver expired on " + e.expires() + " and no longer applies");
    }
    for (WaiverNotes.Entry e : waivers.unused()) {
      note(e, "waiver-unused", "waiver matched no finding");
    }
    if (pack != null) {
      // a closing row like the waiver notes: the header row stays the contract, and a comment line
      // would be read as data by every CSV reader
      row(
          "",
          "",
          pack.name(),
          "pack",
          "",
          "",
          "",
          pack.line().substring("pack: ".length()) + " " + pack.sha256(),
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "");
    }
    out.flush();
  }

  private void note(WaiverNotes.Entry e, String kind, String message) throws IOException {
    row(
        "",
        "",
        nz(e.declaration()),
        kind,
        nz(e.rule()),
        "",
        "",
        message,
        nz(e.path()),
        e.line(),
        "",
        "",
        "",
        "",
        nz(e.reason()),
        nz(e.expires()),
        nz(e.approvedBy()));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private void row(Object... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cells[i] instanceof Integer n ? n.toString() : cell(String.valueOf(cells[i])));
    }
    out.write("\r\n");
  }

  /** A text cell, defused against formula injection and quoted where RFC 4180 needs it. */
  static String cell(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char first = s.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
