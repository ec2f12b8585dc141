package kz.shipcheck.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import kz.shipcheck.report.SummaryText;
import kz.shipcheck.result.DeclarationResult.Facts;
import kz.shipcheck.result.DeclarationResult.Money;
import org.junit.jupiter.api.Test;

class SummaryTest {
  static Finding error(String rule) {
    return new Finding(rule, Severity.ERROR, "m", "id", 1, 1, "r", "fact", null, null);
  }

  @Test
  void breakdownsByProductCrossingRuleAndCurrency() throws Exception {
    Summary s = new Summary();
    s.add(
        new DeclarationResult(
            "a",
            1,
            "A",
            Outcome.PASS,
            List.of(),
            new Facts(
                List.of("wheat", "wheat", "barley"),
                "dostyk-alashankou",
                List.of(new Money(new BigDecimal("100"), "USD")))));
    s.add(
        new DeclarationResult(
            "b",
            1,
            "B",
            Outcome.FAIL,
            List.of(error("HS-001"), error("HS-001")),
            new Facts(
                List.of("wheat"),
                null,
                List.of(
                    new Money(new BigDecimal("1000"), "KZT"),
                    new Money(new BigDecimal("5"), "XXX")))));
    s.add(
        new DeclarationResult(
            "c", 1, null, Outcome.INVALID, List.of(error("INPUT-SYNTAX")), Facts.NONE));
    assertEquals(
        Map.of("barley", new Summary.Tally(1, 0), "wheat", new Summary.Tally(1, 1)), s.byProduct());
    assertEquals(
        Map.of("dostyk-alashankou", new Summary.Tally(1, 0), Summary.NONE, new Summary.Tally(0, 1)),
        s.byCrossing());
    assertEquals(new Summary.RuleCount(2, 0, 0, 0), s.byRule().get("HS-001"));
    assertEquals(Map.of("HS-001", 2L, "INPUT-SYNTAX", 1L), s.failingRules());
    assertEquals(
        Map.of(
            "USD",
            new BigDecimal("100"),
            "KZT",
            new BigDecimal("1000"),
            "XXX",
            new BigDecimal("5")),
        s.valueByCurrency());

    Map<String, Double> rates = Map.of("USD", 1.0, "KZT", 0.002);
    kz.shipcheck.engine.Text en =
        kz.shipcheck.engine.Messages.load(
                kz.shipcheck.pack.PackFiles.fromDirectory(java.nio.file.Path.of("rules")))
            .in("en");
    String text =
        SummaryText.render(
            s, rates::get, (key, args) -> en.render(key, kz.shipcheck.engine.Args.from(args)));
    assertEquals(
        """
        3 declarations: 1 passed, 1 failed, 1 invalid
        most frequent failing rules: HS-001 2, INPUT-SYNTAX 1
        failed declarations by product: wheat 1
        failed declarations by border crossing: (none) 1
        declared value: 102 USD (at the rule pack's rates; left out, no rate for: XXX)
        """,
        text);
  }

  @Test
  void madeUpKeysArePooledSoTheSummaryStaysSmall() {
    Summary s = new Summary();
    for (int i = 0; i < Summary.MAX_KEYS + 500; i++) {
      s.add(
          new DeclarationResult(
              "f",
              1,
              "D" + i,
              Outcome.FAIL,
              List.of(error("ACCESS-001")),
              new Facts(
                  List.of("made-up-" + i),
                  "crossing-" + i,
                  List.of(new Money(new BigDecimal("1"), "C" + i)))));
    }
    assertEquals(Summary.MAX_KEYS + 1, s.byProduct().size());
    assertEquals(500, s.byProduct().get(Summary.OTHER).failed());
    assertEquals(Summary.MAX_KEYS + 1, s.byCrossing().size());
    assertEquals(Summary.MAX_KEYS + 1, s.valueByCurrency().size());
    assertTrue(s.byProduct().containsKey("made-up-0"));
  }
}
