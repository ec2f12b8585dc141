package kz.shipcheck.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.definition.rule.Rule;

/**
 * Where each rule starts in the pack's DRL sources: the file and the line of its {@code rule}
 * keyword, found by a regular expression over the text. The compiled rules cannot say: Drools'
 * {@code RuleImpl} keeps the source resource and a load order but no line number, and a rule read
 * back from the compiled-pack cache must point at the same line as a freshly compiled one. The
 * catalogue uses the place for its {@code file:line} and to order the rules as the files hold them.
 */
final class DrlRuleLines {
  private static final Pattern RULE =
      Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");

  private final List<String> fileNames;

  /** Rule name to [file index, line]; the first rule of a name wins. */
  private final Map<String, int[]> lines = new HashMap<>();

  DrlRuleLines(Map<String, byte[]> drl) {
    this.fileNames = new ArrayList<>(drl.keySet());
    for (int f = 0; f < fileNames.size(); f++) {
      String[] text = new String(drl.get(fileNames.get(f)), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < text.length; i++) {
        Matcher m = RULE.matcher(text[i]);
        if (m.find()) {
          String n = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
          lines.putIfAbsent(n, new int[] {f, i + 1});
        }
      }
    }
  }

  /** The rule's [file index, line], or [-1, 0] when no line of the sources declares it. */
  int[] position(Rule r) {
    int[] p = lines.get(r.getName());
    return p == null ? new int[] {-1, 0} : p;
  }

  /** The name of the file with this index (as {@link #position} gives it), or "?" for -1. */
  String file(int index) {
    return index >= 0 ? fileNames.get(index) : "?";
  }
}
