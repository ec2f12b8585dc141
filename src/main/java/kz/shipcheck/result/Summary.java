package kz.shipcheck.result;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kz.shipcheck.result.DeclarationResult.Money;

/**
 * Counts over a batch, accumulated as results stream past; used by every report, the summary on
 * stderr and the exit code. Its size does not grow with the batch: the breakdowns are keyed by
 * product, border crossing, rule and currency, and keys beyond {@link #MAX_KEYS} distinct values
 * (only possible with made-up keys in the input) are counted together under {@link #OTHER}. Not
 * thread-safe: fed from the single thread that emits results in order.
 */
public final class Summary {
  /** Distinct keys kept per breakdown before the rest are pooled. */
  public static final int MAX_KEYS = 1000;

  /** The pooled key for values beyond {@link #MAX_KEYS}. */
  public static final String OTHER = "(other)";

  /** The key for declarations that name no border crossing. */
  public static final String NONE = "(none)";

  /** Passed and failed declarations sharing a key (a product, a border crossing). */
  public record Tally(long passed, long failed) {
    public long total() {
      return passed + failed;
    }
  }

  /** A rule's findings over the batch: unwaived ones by severity, and waived ones. */
  public record RuleCount(long errors, long warnings, long infos, long waived) {
    public long total() {
      return errors + warnings + infos + waived;
    }
  }

  private final FailOn failOn;
  private long declarations;
  private long passed;
  private long failed;
  private long invalid;
  private long waived;
  private long warnings;
  private long errors;
  private final Map<String, Long> failingRules = new TreeMap<>();
  private final Map<String, long[]> byProduct = new TreeMap<>();
  private final Map<String, long[]> byCrossing = new TreeMap<>();
  private final Map<String, long[]> byRule = new TreeMap<>();
  private final Map<String, BigDecimal> valueByCurrency = new TreeMap<>();

  /** Counts under the default policy, {@link FailOn#ERROR}. */
  public Summary() {
    this(FailOn.ERROR);
  }

  /** Counts for a run judged under {@code failOn}: it says which rules are failing ones. */
  public Summary(FailOn failOn) {
    this.failOn = failOn;
  }

  public void add(DeclarationResult r) {
    declarations++;
    switch (r.outcome()) {
      case PASS -> passed++;
      case FAIL -> failed++;
      case INVALID -> invalid++;
    }
    for (Finding f : r.findings()) {
      long[] rc = counter(byRule, f.rule(), 4);
      if (f.isWaived()) {
        waived++;
        rc[3]++;
        continue;
      }
      rc[f.severity().ordinal()]++;
      if (f.severity() == Severity.WARNING) {
        warnings++;
      } else if (f.severity() == Severity.ERROR) {
        errors++;
      }
      if (failOn.blocks(f)) {
        failingRules.merge(f.rule(), 1L, Long::sum);
      }
    }
    if (r.outcome() == Outcome.INVALID) {
      return;
    }
    int slot = r.outcome() == Outcome.PASS ? 0 : 1;
    Set<String> products = new LinkedHashSet<>(r.facts().products());
    for (String p : products) {
      counter(byProduct, p == null ? NONE : p, 2)[slot]++;
    }
    String crossing = r.facts().borderCrossing();
    counter(byCrossing, crossing == null ? NONE : crossing, 2)[slot]++;
    for (Money m : r.facts().values()) {
      String c = key(valueByCurrency, m.currency());
      valueByCurrency.merge(c, m.amount(), BigDecimal::add);
    }
  }

  private static <V> String key(Map<String, V> map, String k) {
    return map.containsKey(k) || map.size() < MAX_KEYS ? k : OTHER;
  }

  private static long[] counter(Map<String, long[]> map, String k, int size) {
    return map.computeIfAbsent(key(map, k), x -> new long[size]);
  }

  public long declarations() {
    return declarations;
  }

  public long passed() {
    return passed;
  }

  public long failed() {
    return failed;
  }

  public long invalid() {
    return invalid;
  }

  /** Findings accepted by a waiver. */
  public long waived() {
    return waived;
  }

  /** Unwaived warnings. */
  public long warnings() {
    return warnings;
  }

  public long errors() {
    return errors;
  }

  /**
   * Whether the run passes under its policy (exit 0): the one place that turns the counts into the
   * run's verdict, as each declaration's outcome is decided by {@link FailOn#outcome}.
   */
  public boolean passes() {
    return failOn.passes(this);
  }

  /**
   * Findings that fail their declaration under the policy (unwaived errors by default), per rule
   * id.
   */
  public Map<String, Long> failingRules() {
    return Collections.unmodifiableMap(failingRules);
  }

  /**
   * Readable declarations per product they carry, by outcome; a declaration with two products
   * counts for each. Invalid declarations have no product and are not here.
   */
  public Map<String, Tally> byProduct() {
    return tallies(byProduct);
  }

  /** Readable declarations per border crossing ({@link #NONE} when not given), by outcome. */
  public Map<String, Tally> byCrossing() {
    return tallies(byCrossing);
  }

  /** Findings per rule id, sorted by id. */
  public Map<String, RuleCount> byRule() {
    Map<String, RuleCount> out = new LinkedHashMap<>();
    byRule.forEach((k, v) -> out.put(k, new RuleCount(v[0], v[1], v[2], v[3])));
    return out;
  }

  /** Declared item values summed exactly per currency code, over readable declarations. */
  public Map<String, BigDecimal> valueByCurrency() {
    return Collections.unmodifiableMap(valueByCurrency);
  }

  private static Map<String, Tally> tallies(Map<String, long[]> map) {
    Map<String, Tally> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, new Tally(v[0], v[1])));
    return out;
  }
}
