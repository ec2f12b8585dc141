package kz.shipcheck.report;

import java.util.List;
import kz.shipcheck.pack.PackId;
import kz.shipcheck.result.FailOn;
import kz.shipcheck.result.RuleInfo;

/**
 * What every reporter may need besides results: the tool's version, the rule catalogue, the pack
 * that judged the run (null for checks that are not a pack's, such as the benchmark's baseline:
 * then reports leave the pack out), the policy the outcomes were decided under (a report that sets
 * a declaration's blocking findings apart from the others asks it which those are), the language of
 * its texts ({@code --lang}), and the words of that language, rendered where every message is (the
 * command line passes them in; null in a context that writes no words, such as a benchmark's jsonl:
 * the text and html reports then refuse to start rather than guess).
 */
public record ReportContext(
    String toolVersion,
    List<RuleInfo> catalogue,
    PackId pack,
    FailOn failOn,
    String language,
    Words words) {
  public ReportContext(String toolVersion, List<RuleInfo> catalogue, PackId pack, FailOn failOn) {
    this(toolVersion, catalogue, pack, failOn, "en", null);
  }

  public ReportContext(String toolVersion, List<RuleInfo> catalogue, PackId pack) {
    this(toolVersion, catalogue, pack, FailOn.ERROR, "en", null);
  }

  public ReportContext(String toolVersion, List<RuleInfo> catalogue) {
    this(toolVersion, catalogue, null, FailOn.ERROR, "en", null);
  }
}
