package kz.shipcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.shipcheck.pack.PackDigest;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.PackManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code shipcheck pack info}: which pack this is, how old its data is, and what changed. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header =
        "Show a rule pack's name, version, effective date, sha256, files (with the date of their data) and changelog.",
    description = {
      "FILE|DIR is a pack file or a pack folder; without it, the bundled pack. A pack file's"
          + " files are checked against its SHA256SUMS first (exit 3 when they differ)."
    })
final class PackInfoCommand implements Callable<Integer> {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand PackCommand parent;

  @Parameters(
      paramLabel = "FILE|DIR",
      arity = "0..1",
      description = "the pack (default: the bundled pack)")
  Path pack;

  /** What {@code pack info} writes. */
  enum Output {
    TEXT,
    JSON
  }

  /** Binds {@code --format} to {@link Output}. */
  static final class Outputs extends OptionTypes.Labels<Output> {
    Outputs() {
      super(Output.class);
    }
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Outputs.class,
      completionCandidates = Outputs.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Output format;

  @Override
  public Integer call() throws Exception {
    PackFiles files = pack == null ? PackFiles.bundled() : PackOptions.open(pack, "FILE|DIR");
    Map<String, Object> info = info(files);
    String out = format == Output.JSON ? JSON.writeValueAsString(info) + "\n" : text(info);
    parent.main.io.out().write(out.getBytes(StandardCharsets.UTF_8));
    parent.main.io.out().flush();
    return ExitCode.OK.code;
  }

  /** The pack's description as ordered maps: the json output, and the text one's source. */
  static Map<String, Object> info(PackFiles files) throws PackException {
    PackManifest m = files.manifest();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", m.name());
    out.put("version", m.version());
    out.put("effective", str(m.effective()));
    out.put("description", m.description());
    out.put("sha256", files.sha256());
    out.put("signed", files.origin() == PackFiles.Origin.ZIP && files.signed());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : files.files().entrySet()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", e.getKey());
      f.put("sha256", PackDigest.sha256(e.getValue()));
      f.put("asOf", str(m.asOf(e.getKey())));
      list.add(f);
    }
    out.put("files", list);
    List<Map<String, Object>> changes = new ArrayList<>();
    for (PackManifest.Change c : m.changelog()) {
      Map<String, Object> ch = new LinkedHashMap<>();
      ch.put("date", c.date().toString());
      ch.put("version", c.version());
      ch.put("changes", c.changes());
      changes.add(ch);
    }
    out.put("changelog", changes);
    return out;
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }

  @SuppressWarnings("unchecked")
  private static String text(Map<String, Object> info) {
    StringBuilder b = new StringBuilder();
    for (String k : List.of("name", "version", "effective", "sha256", "signed", "description")) {
      Object v = info.get(k);
      b.append(k)
          .append(": ")
          .append(v == null ? "-" : v instanceof Boolean x ? (x ? "yes" : "no") : v)
          .append('\n');
    }
    b.append("files:\n");
    for (Map<String, Object> f : (List<Map<String, Object>>) info.get("files")) {
      b.append("  ").append(f.get("sha256")).append("  ").append(f.get("path"));
      if (f.get("asOf") != null) {
        b.append("  (asOf ").append(f.get("asOf")).append(')');
      }
      b.append('\n');
    }
    b.append("changelog:\n");
    for (Map<String, Object> c : (List<Map<String, Object>>) info.get("changelog")) {
      b.append("  ").append(c.get("date")).append(' ').append(c.get("version")).append('\n');
      for (String line : (List<String>) c.get("changes")) {
        b.append("    - ").append(line).append('\n');
      }
    }
    return b.toString();
  }
}
