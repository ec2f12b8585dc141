package kz.shipcheck.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kz.shipcheck.engine.fact.Certificate;
import kz.shipcheck.engine.fact.Declaration;
import kz.shipcheck.engine.fact.Item;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.yaml.Locations;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The {@code out} global: what a rule's consequence calls to record a finding. Severity, title,
 * reference and basis come from the rule's metadata; the consequence gives the field path, a
 * specific message and a hint, and may name a more specific reference and basis (the data row it
 * relied on). Findings are kept per declaration; rules never see or change each other's findings.
 */
public final class Findings {
  private final Map<String, RuleInfo> rulesByName;
  private final Map<Declaration, List<Finding>> byDeclaration = new IdentityHashMap<>();
  private final Map<Declaration, Locations> locations = new IdentityHashMap<>();

  Findings(Map<String, RuleInfo> rulesByName) {
    this.rulesByName = rulesByName;
  }

  void track(Declaration d, Locations where) {
    byDeclaration.put(d, new ArrayList<>());
    locations.put(d, where);
  }

  List<Finding> take(Declaration d) {
    locations.remove(d);
    return byDeclaration.remove(d);
  }

  /** A finding on a declaration-level field such as {@code exporter.bin}. */
  public void at(RuleContext k, Declaration d, String path, String message, String hint) {
    add(k, d, path, message, hint, null, null);
  }

  /** As {@link #at}, citing the data row's reference and basis instead of the rule's. */
  public void at(RuleContext k, Declaration d, String path, String message, String hint, String reference, String basis) {
    add(k, d, path, message, hint, reference, basis);
  }

  /** A finding on a field of an item: {@code field} is relative, e.g. {@code hsCode}. */
  public void item(RuleContext k, Item i, String field, String message, String hint) {
    add(k, i.getDeclaration(), join(i.getPath(), field), message, hint, null, null);
  }

  public void item(RuleContext k, Item i, String field, String message, String hint, String reference, String basis) {
    add(k, i.getDeclaration(), join(i.getPath(), field), message, hint, reference, basis);
  }

  /** A finding on a field of a certificate. */
  public void cert(RuleContext k, Certificate c, String field, String message, String hint) {
    add(k, c.getDeclaration(), join(c.getPath(), field), message, hint, null, null);
  }

  public void cert(RuleContext k, Certificate c, String field, String message, String hint, String reference, String basis) {
    add(k, c.getDeclaration(), join(c.getPath(), field), message, hint, reference, basis);
  }

  private static String join(String prefix, String field) {
    return field == null || field.isEmpty() ? prefix : prefix + "." + field;
  }

  private void add(RuleContext k, Declaration d, String path, String message, String hint, String reference, String basis) {
    var rule = k.getRule();
    RuleInfo info = rulesByName.get(rule.getPackageName() + "." + rule.getName());
    List<Finding> list = byDeclaration.get(d);
    Locations where = locations.get(d);
    if (info == null || list == null) {
      throw new IllegalStateException("finding for an unknown rule or declaration: " + rule.getName());
    }
    int[] at = where.find(path);
    list.add(
        new Finding(
            info.id(),
            info.severity(),
            message,
            path,
            at[0],
            at[1],
            reference != null ? reference : info.reference(),
            basis != null ? basis : info.basis(),
            hint,
            null));
  }
}
