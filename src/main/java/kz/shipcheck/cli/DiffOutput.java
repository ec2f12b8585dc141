package kz.shipcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shipcheck.cli.DiffCommand.Change;
import kz.shipcheck.cli.DiffCommand.Diff;
import kz.shipcheck.pack.PackDiff;
import kz.shipcheck.pack.PackId;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Outcome;

/**
 * The diff's three outputs: text for a person, json and csv for tools. Deterministic: input order.
 */
final class DiffOutput {
  private DiffOutput() {}

  static String text(Diff d) {
    StringBuilder b = new StringBuilder();
    b.append("from ").append(d.from().line().substring("pack: ".length())).append('\n');
    b.append("to   ").append(d.to().line().substring("pack: ".length())).append('\n');
    PackDiff.Result f = d.files();
    if (f.added().isEmpty() && f.removed().isEmpty() && f.changed().isEmpty()) {
      b.append("the packs hold the same files\n");
    } else {
      list(b, "files added", f.added());
      list(b, "files removed", f.removed());
      list(b, "files changed", f.changed());
    }
    for (PackDiff.DataChange c : f.data()) {
      b.append(c.file())
          .append(": ")
          .append(c.added().size())
          .append(" rows added, ")
          .append(c.removed().size())
          .append(" removed, ")
          .append(c.changed().size())
          .append(" changed\n");
      list(b, "  added", c.added());
      list(b, "  removed", c.removed());
      list(b, "  changed", c.changed());
    }
    list(b, "rules added", d.rulesAdded());
    list(b, "rules removed", d.rulesRemoved());
    b.append('\n');
    for (Change c : d.changes()) {
      b.append(label(c.from().outcome()))
          .append(" -> ")
          .append(label(c.to().outcome()))
          .append("  ")
          .append(name(c.to()))
          .append('\n');
      for (Finding x : c.added()) {
        b.append("    + ").append(finding(x)).append('\n');
      }
      for (Finding x : c.removed()) {
        b.append("    - ").append(finding(x)).append('\n');
      }
    }
    Map<String, Object> s = summary(d);
    b.append(d.declarations())
        .append(d.declarations() == 1 ? " declaration: " : " declarations: ")
        .append(s.get("changed"))
        .append(" changed (")
        .append(s.get("newlyFailing"))
        .append(" pass -> fail or invalid, ")
        .append(s.get("newlyPassing"))
        .append(" now pass, ")
        .append(s.get("findingsOnly"))
        .append(" with other findings only)\n");
    return b.toString();
  }

  private static void list(StringBuilder b, String label, List<String> items) {
    if (!items.isEmpty()) {
      b.append(label).append(": ").append(String.join(", ", items)).append('\n');
    }
  }

  private static String label(Outcome o) {
    return o.label().toUpperCase(java.util.Locale.ROOT);
  }

  private static String name(DeclarationResult r) {
    String where = r.document() > 1 ? r.file() + " (document " + r.document() + ")" : r.file();
    return r.id() == null ? where : where + " " + r.id();
  }

  private static String finding(Finding f) {
    return f.rule()
        + " "
        + f.severity().label()
        + " "
        + (f.path().isEmpty() ? "" : f.path() + " ")
        + "(line "
        + f.line()
        + "): "
        + f.message();
  }

  static Map<String, Object> summary(Diff d) {
    long newlyFailing = d.changes().stream().filter(Change::newlyFailing).count();
    long newlyPassing =
        d.changes().stream()
            .filter(c -> c.from().outcome() != Outcome.PASS && c.to().outcome() == Outcome.PASS)
            .count();
    long findingsOnly =
        d.changes().stream().filter(c -> c.from().outcome() == c.to().outcome()).count();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("declarations", d.declarations());
    s.put("changed", d.changes().size());
    s.put("newlyFailing", newlyFailing);
    s.put("newlyPassing", newlyPassing);
    s.put("findingsOnly", findingsOnly);
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("added", d.files().added());
    files.put("removed", d.files().removed());
    files.put("changed", d.files().changed());
    s.put("files", files);
    List<Map<String, Object>> data = new ArrayList<>();
    for (PackDiff.DataChange c : d.files().data()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", c.file());
      m.put("added", c.added());
      m.put("removed", c.removed());
      m.put("changed", c.changed());
      data.add(m);
    }
    s.put("data", data);
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("added", d.rulesAdded());
    rules.put("removed", d.rulesRemoved());
    s.put("rules", rules);
    return s;
  }

  static String json(Diff d) throws JsonProcessingException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", pack(d.from()));
    out.put("to", pack(d.to()));
    out.put("summary", summary(d));
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Change c : d.changes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", c.to().file());
      m.put("document", c.to().document());
      m.put("id", c.to().id());
      m.put("from", c.from().outcome().label());
      m.put("to", c.to().outcome().label());
      m.put("added", c.added().stream().map(DiffOutput::jsonFinding).toList());
      m.put("removed", c.removed().stream().map(DiffOutput::jsonFinding).toList());
      changes.add(m);
    }
    out.put("changes", changes);
    return PackInfoCommand.JSON.writeValueAsString(out) + "\n";
  }

  static Map<String, Object> pack(PackId p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("version", p.version());
    m.put("effective", p.effectiveText());
    m.put("sha256", p.sha256());
    return m;
  }

  private static Map<String, Object> jsonFinding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", f.rule());
    m.put("severity", f.severity().label());
    m.put("message", f.message());
    m.put("path", f.path());
    m.put("line", f.line());
    m.put("column", f.column());
    return m;
  }

  /** One row per finding that appeared or went; a change with neither gets one row of its own. */
  static String csv(Diff d) {
    StringBuilder b = new StringBuilder();
    row(
        b,
        "file",
        "document",
        "declaration",
        "from",
        "to",
        "change",
        "rule",
        "severity",
        "path",
        "line",
        "message");
    for (Change c : d.changes()) {
      String id = c.to().id() == null ? "" : c.to().id();
      String file = c.to().file();
      String doc = String.valueOf(c.to().document());
      String a = c.from().outcome().label();
      String z = c.to().outcome().label();
      if (c.added().isEmpty() && c.removed().isEmpty()) {
        row(b, file, doc, id, a, z, "", "", "", "", "", "");
      }
      for (Finding f : c.added()) {
        row(
            b,
            file,
            doc,
            id,
            a,
            z,
            "added",
            f.rule(),
            f.severity().label(),
            f.path(),
            String.valueOf(f.line()),
            f.message());
      }
      for (Finding f : c.removed()) {
        row(
            b,
            file,
            doc,
            id,
            a,
            z,
            "removed",
            f.rule(),
            f.severity().label(),
            f.path(),
            String.valueOf(f.line()),
            f.message());
      }
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(kz.shipcheck.report.CsvCell.of(cells[i]));
    }
    b.append("\r\n");
  }
}
