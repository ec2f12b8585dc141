package kz.shipcheck.report;

import java.util.List;
import kz.shipcheck.result.RuleInfo;

/** What every reporter may need besides results: the tool's version and the rule catalogue. */
public record ReportContext(String toolVersion, List<RuleInfo> catalogue) {}
