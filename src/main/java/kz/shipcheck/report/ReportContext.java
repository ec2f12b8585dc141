package kz.shipcheck.report;

import java.util.List;
import kz.shipcheck.pack.PackId;
import kz.shipcheck.result.RuleInfo;

/**
 * What every reporter may need besides results: the tool's version, the rule catalogue, and the
 * pack that judged the run (null for checks that are not a pack's, such as the benchmark's
 * baseline: then reports leave the pack out), and the language of its texts ({@code --lang}).
 */
public record ReportContext(String toolVersion, List<RuleInfo> catalogue, PackId pack, String language) {
  public ReportContext(String toolVersion, List<RuleInfo> catalogue, PackId pack) {
    this(toolVersion, catalogue, pack, "en");
  }

  public ReportContext(String toolVersion, List<RuleInfo> catalogue) {
    this(toolVersion, catalogue, null, "en");
  }
}
