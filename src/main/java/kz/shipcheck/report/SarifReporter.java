package kz.shipcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;
import kz.shipcheck.result.Summary;

/**
 * The {@code sarif} report: SARIF 2.1.0, one run, the rule catalogue (from the rules' metadata) in
 * {@code tool.driver.rules}, one result per finding with its file, line and column. Waived findings
 * carry an accepted external suppression (the SARIF way to say "reviewed, accepted"); waivers that
 * did not apply are tool notifications of the invocation. Results are streamed: nothing in a SARIF
 * log must come before them except the rules, which are known at the start. Built from small
 * records serialized by Jackson, never from string templates.
 */
final class SarifReporter implements Reporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  // ---- the SARIF objects shipcheck writes (a small subset of the format) ----

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Message(String text) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Driver(
      String name,
      String version,
      String informationUri,
      List<Rule> rules,
      Map<String, Object> properties) {}

  record Tool(Driver driver) {}

  record Configuration(String level) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Rule(
      String id,
      Message shortDescription,
      Message fullDescription,
      Message help,
      Configuration defaultConfiguration,
      Map<String, Object> properties) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ArtifactLocation(String uri) {}

  record Region(int startLine, int startColumn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  record LogicalLocation(String fullyQualifiedName, String kind) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Location(PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Suppression(
      String kind, String status, String justification, Map<String, Object> properties) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Result(
      String ruleId,
      Integer ruleIndex,
      String level,
      Message message,
      List<Location> locations,
      List<Suppression> suppressions,
      Map<String, Object> properties,
      String baselineState) {}

  record Notification(String level, Message message) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {}

  record Envelope(@JsonProperty("$schema") String schema, String version) {}

  private final JsonGenerator g;
  private final JsonReporter.JsonPack pack;
  private final Map<String, Integer> ruleIndex = new HashMap<>();

  SarifReporter(OutputStream out, ReportContext context) throws IOException {
    // the driver's version stays the tool's; the pack that judged the run goes beside it
    pack = context.pack() == null ? null : JsonReporter.packFields(context.pack());
    List<Rule> rules = new ArrayList<>();
    for (RuleInfo r : context.catalogue()) {
      ruleIndex.put(r.id(), rules.size());
      rules.add(rule(r));
    }
    g = JsonReporter.pretty(out);
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA);
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeFieldName("tool");
    JsonReporter.MAPPER.writeValue(
        g,
        new Tool(
            new Driver(
                "shipcheck",
                context.toolVersion(),
                null,
                rules,
                pack == null ? null : Map.of("pack", pack))));
    g.writeStringField("columnKind", "unicodeCodePoints");
    // the language of every message and rule text in this run (--lang)
    g.writeStringField("language", context.language());
    g.writeArrayFieldStart("results");
  }

  private static Rule rule(RuleInfo r) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("reference", r.reference());
    props.put("basis", r.basis());
    if (!r.data().isEmpty()) {
      props.put("data", r.data());
    }
    props.put("definedIn", r.line() > 0 ? r.file() + ":" + r.line() : r.file());
    props.put("tags", List.of("shipcheck", r.basis()));
    String help =
        r.title()
            + ". Reference: "
            + r.reference()
            + ". Basis: "
            + r.basis()
            + (r.data().isEmpty() ? "." : ". Data: " + String.join(", ", r.data()) + ".");
    return new Rule(
        r.id(),
        new Message(r.title()),
        new Message(r.title() + " (" + r.reference() + ")"),
        new Message(help),
        new Configuration(level(r.severity())),
        props);
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /**
   * The file as a URI reference: a relative path stays relative (to the checkout, which is what
   * GitHub code scanning expects), an absolute one becomes a {@code file:} URI; both
   * percent-encoded.
   */
  static String uri(String file) {
    try {
      String path = file.replace('\\', '/');
      if (path.startsWith("/")) {
        return new URI("file", "", path, null).toASCIIString();
      }
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      return "unknown";
    }
  }

  /**
   * How a finding compares with a baseline run ({@code new} or {@code unchanged}), or null: a
   * report without baseline leaves {@code baselineState} out.
   */
  private java.util.function.Function<Finding, String> baseline = f -> null;

  void baseline(java.util.function.Function<Finding, String> state) {
    this.baseline = state;
  }

  @Override
  public void result(DeclarationResult r) throws IOException {
    for (Finding f : r.findings()) {
      write(r, f, baseline.apply(f));
    }
  }

  /** A finding of the baseline run that this run no longer has: a result whose state is absent. */
  void absent(DeclarationResult r, Finding f) throws IOException {
    write(r, f, "absent");
  }

  private void write(DeclarationResult r, Finding f, String baselineState) throws IOException {
    String uri = uri(r.file());
    {
      Region region = f.line() > 0 ? new Region(f.line(), Math.max(1, f.column())) : null;
      List<LogicalLocation> logical =
          f.path().isEmpty() ? List.of() : List.of(new LogicalLocation(f.path(), "member"));
      Location location =
          new Location(new PhysicalLocation(new ArtifactLocation(uri), region), logical);
      List<Suppression> suppressions = List.of();
      if (f.isWaived()) {
        Map<String, Object> wp = new LinkedHashMap<>();
        wp.put("expires", f.waived().expires());
        wp.put("approvedBy", f.waived().approvedBy());
        suppressions = List.of(new Suppression("external", "accepted", f.waived().reason(), wp));
      }
      Map<String, Object> props = new LinkedHashMap<>();
      if (r.id() != null) {
        props.put("declaration", r.id());
      }
      props.put("document", r.document());
      props.put("outcome", r.outcome().label());
      if (f.reference() != null) {
        props.put("reference", f.reference());
      }
      if (f.basis() != null) {
        props.put("basis", f.basis());
      }
      if (f.hint() != null) {
        props.put("hint", f.hint());
      }
      String text = f.message() + (f.hint() == null ? "" : "\nhint: " + f.hint());
      JsonReporter.MAPPER.writeValue(
          g,
          new Result(
              f.rule(),
              ruleIndex.get(f.rule()),
              level(f.severity()),
              new Message(text),
              List.of(location),
              suppressions,
              props,
              baselineState));
    }
  }

  @Override
  public void finish(Summary s, WaiverNotes waivers) throws IOException {
    g.writeEndArray();
    List<Notification> notes = new ArrayList<>();
    for (WaiverNotes.Entry e : waivers.expired()) {
      notes.add(
          new Notification(
              "warning",
              new Message(
                  "waiver expired on "
                      + e.expires()
                      + " and no longer applies: "
                      + TextReporter.describe(e))));
    }
    for (WaiverNotes.Entry e : waivers.unused()) {
      notes.add(
          new Notification(
              "note", new Message("waiver matched no finding: " + TextReporter.describe(e))));
    }
    g.writeFieldName("invocations");
    JsonReporter.MAPPER.writeValue(g, List.of(new Invocation(true, notes)));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("declarations", s.declarations());
    summary.put("passed", s.passed());
    summary.put("failed", s.failed());
    summary.put("invalid", s.invalid());
    summary.put("waived", s.waived());
    g.writeFieldName("properties");
    Map<String, Object> props = new LinkedHashMap<>();
    if (pack != null) {
      props.put("pack", pack);
    }
    props.put("summary", summary);
    JsonReporter.MAPPER.writeValue(g, props);
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeRaw('\n');
    g.flush();
  }

  @Override
  public void close() {
    // the generator does not own the stream (AUTO_CLOSE_TARGET is off); nothing else is held
  }
}
