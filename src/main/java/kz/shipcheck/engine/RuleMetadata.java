package kz.shipcheck.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kz.shipcheck.input.InputRules;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The pack's rule catalogue, read from the compiled rules' metadata ({@code @id}, {@code
 * @severity}, {@code @reference}, {@code @basis}, {@code @data}) and the English titles beside
 * them. A rule whose metadata is missing or wrong stops the load with its file and line, so a pack
 * never runs with a rule the catalogue would misdescribe.
 */
final class RuleMetadata {
  private static final Set<String> BASES = Set.of("fact", "approx", "model");
  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

  private RuleMetadata() {}

  /**
   * Each rule's catalogue entry by its full name (package and name), in the order of the sources
   * ({@code ruleLines}: where the DRL's text declares each rule).
   */
  static Map<String, RuleInfo> read(
      PackFiles files, DrlRuleLines ruleLines, KieBase kieBase, Messages messages)
      throws PackException {
    Set<String> builtin = new HashSet<>();
    InputRules.ALL.forEach(r -> builtin.add(r.id()));
    Map<String, RuleInfo> byName = new LinkedHashMap<>();
    Map<String, RuleInfo> byId = new HashMap<>();
    List<Rule> rules = new ArrayList<>();
    for (KiePackage p : kieBase.getKiePackages()) {
      rules.addAll(p.getRules());
    }
    rules.sort(
        Comparator.comparing((Rule r) -> ruleLines.position(r)[0])
            .thenComparing(r -> ruleLines.position(r)[1]));
    for (Rule r : rules) {
      int[] pos = ruleLines.position(r);
      String file = ruleLines.file(pos[0]);
      String where = files.display(file);
      Map<String, Object> meta = r.getMetaData();
      String id = str(meta.get("id"));
      if (id == null || id.isBlank()) {
        throw new PackException(where, pos[1], 0, "rule \"" + r.getName() + "\" has no @id");
      }
      if (!ID.matcher(id).matches()) {
        throw new PackException(
            where,
            pos[1],
            0,
            "rule \"" + r.getName() + "\": @id '" + id + "' must look like AREA-001");
      }
      if (byId.containsKey(id) || builtin.contains(id)) {
        RuleInfo other = byId.get(id);
        String first =
            other == null ? "a built-in check" : files.display(other.file()) + ":" + other.line();
        throw new PackException(
            where, pos[1], 0, "duplicate rule id " + id + " (also " + first + ")");
      }
      String written = WrittenValueGuard.writtenValueMatched(r);
      if (written != null) {
        throw new PackException(
            where,
            pos[1],
            0,
            "rule "
                + id
                + " matches "
                + written
                + ", the value as written,"
                + " which is never a fact, so the rule could never fire; import "
                + written.replace(WrittenValueGuard.MODEL, "kz.shipcheck.engine.fact.")
                + " instead");
      }
      Severity severity = Severity.parse(str(meta.get("severity")));
      if (severity == null) {
        throw new PackException(
            where,
            pos[1],
            0,
            "rule "
                + id
                + ": @severity must be error, warning or info, found '"
                + meta.get("severity")
                + "'");
      }
      // the title is data beside the rule (messages_en.properties); a pack from before that may
      // still give it as @title
      String title = messages.templates(Messages.ENGLISH).get(id + ".title");
      if (title == null || title.isBlank()) {
        title = str(meta.get("title"));
      }
      if (title == null || title.isBlank()) {
        throw new PackException(
            where,
            pos[1],
            0,
            "rule "
                + id
                + " has no title: add "
                + id
                + ".title to "
                + files.display(Messages.FOLDER + "messages_en.properties"));
      }
      String reference = required(meta, "reference", id, where, pos[1]);
      String basis = required(meta, "basis", id, where, pos[1]);
      if (!BASES.contains(basis)) {
        throw new PackException(
            where,
            pos[1],
            0,
            "rule " + id + ": @basis must be fact, approx or model, found '" + basis + "'");
      }
      List<String> data = new ArrayList<>();
      String dataMeta = str(meta.get("data"));
      if (dataMeta != null) {
        for (String d : dataMeta.split(",")) {
          if (!d.isBlank()) {
            if (!files.has(d.trim())) {
              // the catalogue tells users which files a rule reads: a wrong name would mislead
              throw new PackException(
                  where,
                  pos[1],
                  0,
                  "rule "
                      + id
                      + ": @data names '"
                      + d.trim()
                      + "', which is not a file of the pack");
            }
            data.add(d.trim());
          }
        }
      }
      RuleInfo info =
          new RuleInfo(id, severity, title, reference, basis, List.copyOf(data), file, pos[1]);
      byId.put(id, info);
      byName.put(r.getPackageName() + "." + r.getName(), info);
    }
    return byName;
  }

  private static String required(
      Map<String, Object> meta, String key, String id, String where, int line)
      throws PackException {
    String v = str(meta.get(key));
    if (v == null || v.isBlank()) {
      throw new PackException(where, line, 0, "rule " + id + " has no @" + key);
    }
    return v;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
