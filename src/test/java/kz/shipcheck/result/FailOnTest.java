package kz.shipcheck.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kz.shipcheck.result.DeclarationResult.Facts;
import org.junit.jupiter.api.Test;

/** The verdict policy: which findings fail a declaration, and when a run fails. */
class FailOnTest {
  static Finding finding(String rule, Severity s) {
    return new Finding(rule, s, "m", "id", 1, 1, "r", "fact", null, null);
  }

  static final Finding ERROR = finding("E-1", Severity.ERROR);
  static final Finding WARNING = finding("W-1", Severity.WARNING);
  static final Finding INFO = finding("I-1", Severity.INFO);
  static final Waived WAIVER = new Waived("permit", "2030-01-01", "a@b");

  @Test
  void errorFailsOnUnwaivedErrorsOnly() {
    assertEquals(Outcome.FAIL, FailOn.ERROR.outcome(List.of(INFO, WARNING, ERROR)));
    assertEquals(Outcome.PASS, FailOn.ERROR.outcome(List.of(INFO, WARNING)));
    assertEquals(Outcome.PASS, FailOn.ERROR.outcome(List.of(ERROR.withWaiver(WAIVER), WARNING)));
    assertEquals(Outcome.PASS, FailOn.ERROR.outcome(List.of()));
  }

  @Test
  void warningFailsOnUnwaivedWarningsToo() {
    assertEquals(Outcome.FAIL, FailOn.WARNING.outcome(List.of(INFO, WARNING)));
    assertEquals(Outcome.FAIL, FailOn.WARNING.outcome(List.of(ERROR)));
    assertEquals(Outcome.PASS, FailOn.WARNING.outcome(List.of(INFO, WARNING.withWaiver(WAIVER))));
    assertEquals(Outcome.PASS, FailOn.WARNING.outcome(List.of(INFO)));
  }

  @Test
  void neverJudgesDeclarationsAsErrorDoes() {
    assertEquals(Outcome.FAIL, FailOn.NEVER.outcome(List.of(ERROR)));
    assertEquals(Outcome.PASS, FailOn.NEVER.outcome(List.of(WARNING, INFO)));
  }

  @Test
  void theRunFailsOnAFailedOrInvalidDeclarationUnlessNever() {
    for (FailOn f : FailOn.values()) {
      Summary passed = new Summary(f);
      passed.add(result(Outcome.PASS, List.of(INFO)));
      assertTrue(passed.passes(), f.label());

      Summary failed = new Summary(f);
      failed.add(result(Outcome.PASS, List.of()));
      failed.add(result(Outcome.FAIL, List.of(ERROR)));
      assertEquals(f == FailOn.NEVER, failed.passes(), f.label());

      Summary invalid = new Summary(f);
      invalid.add(result(Outcome.INVALID, List.of(finding("INPUT-SYNTAX", Severity.ERROR))));
      assertEquals(f == FailOn.NEVER, invalid.passes(), f.label());
    }
  }

  @Test
  void failingRulesAreTheRulesThatFailDeclarationsUnderThePolicy() {
    Summary strict = new Summary(FailOn.WARNING);
    Summary plain = new Summary(FailOn.ERROR);
    for (Summary s : List.of(strict, plain)) {
      s.add(result(Outcome.FAIL, List.of(ERROR, WARNING, INFO, WARNING.withWaiver(WAIVER))));
    }
    assertEquals(Map.of("E-1", 1L, "W-1", 1L), strict.failingRules());
    assertEquals(Map.of("E-1", 1L), plain.failingRules());
    assertEquals(1, strict.warnings());
  }

  @Test
  void labelsAreTheCommandLineSpelling() {
    assertEquals(
        List.of("error", "warning", "never"),
        List.of(FailOn.values()).stream().map(FailOn::label).toList());
    assertFalse(FailOn.NEVER.blocks(WARNING));
  }

  static DeclarationResult result(Outcome o, List<Finding> findings) {
    return new DeclarationResult("f.yaml", 1, "X", o, findings, Facts.NONE);
  }
}
