package kz.shipcheck.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.shipcheck.engine.Args;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.input.InputRules;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.DeclarationResult.Facts;
import kz.shipcheck.result.FailOn;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Outcome;
import kz.shipcheck.result.RuleInfo;

/**
 * Turns checked documents into results, one at a time and in input order, on the one thread that
 * emits them. Apart from {@link BatchChecker}'s threading because what it decides needs the whole
 * run seen in order: a repeated id is only known after every earlier document, and the waivers and
 * the {@link FailOn} policy must have the final findings. One instance per run, so the ids seen
 * start empty each time.
 */
final class Verdicts {
  private final RulePack pack;
  private final boolean idsPerFile;
  private final Waivers waivers;
  private final FailOn failOn;
  private final RuleInfo duplicateId;
  private final IdSet ids = new IdSet();
  private String file;

  Verdicts(RulePack pack, boolean idsPerFile, Waivers waivers, FailOn failOn) {
    this.pack = pack;
    this.idsPerFile = idsPerFile;
    this.waivers = waivers;
    this.failOn = failOn;
    Map<String, RuleInfo> inputRules = new HashMap<>();
    for (RuleInfo r : InputRules.ALL) {
      inputRules.put(r.id(), r);
    }
    this.duplicateId = inputRules.get(InputRules.DUPLICATE_ID);
  }

  /**
   * The result of a checked document: a repeated id adds its finding, the waivers mark what they
   * accept, and then the policy decides the outcome from the findings as they finally are.
   */
  DeclarationResult judge(Checked c) {
    boolean repeatedId = repeated(c);
    if (c.invalid()) {
      return new DeclarationResult(
          c.file(), c.document(), c.id(), Outcome.INVALID, c.findings(), Facts.NONE);
    }
    List<Finding> findings = c.findings();
    if (repeatedId) {
      RuleInfo rule = duplicateId;
      findings = new ArrayList<>(findings);
      findings.add(
          new Finding(
              rule.id(),
              rule.severity(),
              pack.text().render("BATCH-001.message", Args.of("id", c.id())),
              "id",
              c.idLine(),
              c.idColumn(),
              rule.reference(),
              rule.basis(),
              pack.text().render("BATCH-001.hint", Args.none()),
              null));
      findings.sort(Finding.ORDER);
    }
    findings = waivers.mark(c.id(), findings, c.judgedOn());
    return new DeclarationResult(
        c.file(), c.document(), c.id(), failOn.outcome(findings), findings, c.facts());
  }

  /**
   * True when the id was seen before in the batch, or in the file when ids need only be unique per
   * file. Every document passes through here, invalid ones too, so that a new file resets the scope
   * whatever its first document is.
   */
  private boolean repeated(Checked c) {
    if (idsPerFile && !c.file().equals(file)) {
      ids.clear();
      file = c.file();
    }
    return c.id() != null && !c.invalid() && !ids.add(c.id());
  }
}
