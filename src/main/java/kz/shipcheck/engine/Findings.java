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
 * reference and basis come from the rule's metadata; the consequence gives the field path and what
 * it found as {@link Args}, and may name a more specific reference and basis (the data row it
 * relied on). The message is the template {@code <RULE-ID>.message} (or {@code
 * <RULE-ID>.message.<variant>}) and the hint {@code <RULE-ID>.hint[.<variant>]} of the pack's
 * messages, rendered here in the chosen language. A pack written before messages were data may
 * still pass finished English text (the String overloads). Findings are kept per declaration; rules
 * never see or change each other's findings.
 */
public final class Findings {
  private final Map<String, RuleInfo> rulesByName;
  private final Text text;
  private final Map<Declaration, List<Finding>> byDeclaration = new IdentityHashMap<>();
  private final Map<Declaration, Locations> locations = new IdentityHashMap<>();

  Findings(Map<String, RuleInfo> rulesByName, Text text) {
    this.rulesByName = rulesByName;
    this.text = text;
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
  public void at(
      RuleContext k,
      Declaration d,
      String path,
      String message,
      String hint,
      String reference,
      String basis) {
    add(k, d, path, message, hint, reference, basis);
  }

  /** A finding on a field of an item: {@code field} is relative, e.g. {@code hsCode}. */
  public void item(RuleContext k, Item i, String field, String message, String hint) {
    add(k, i.getDeclaration(), join(i.getPath(), field), message, hint, null, null);
  }

  public void item(
      RuleContext k,
      Item i,
      String field,
      String message,
      String hint,
      String reference,
      String basis) {
    add(k, i.getDeclaration(), join(i.getPath(), field), message, hint, reference, basis);
  }

  /** A finding on a field of a certificate. */
  public void cert(RuleContext k, Certificate c, String field, String message, String hint) {
    add(k, c.getDeclaration(), join(c.getPath(), field), message, hint, null, null);
  }

  public void cert(
      RuleContext k,
      Certificate c,
      String field,
      String message,
      String hint,
      String reference,
      String basis) {
    add(k, c.getDeclaration(), join(c.getPath(), field), message, hint, reference, basis);
  }

  /**
   * A finding on a declaration-level field, its message the rule's template with these arguments.
   */
  public void at(RuleContext k, Declaration d, String path, Args args) {
    found(k, d, path, null, args, null, null);
  }

  /**
   * As {@link #at(RuleContext, Declaration, String, Args)} with the template variant {@code
   * <RULE-ID>.message.<variant>} (null for the plain one).
   */
  public void at(RuleContext k, Declaration d, String path, String variant, Args args) {
    found(k, d, path, variant, args, null, null);
  }

  /** As {@link #at(RuleContext, Declaration, String, String, Args)}, citing the data row. */
  public void at(
      RuleContext k,
      Declaration d,
      String path,
      String variant,
      Args args,
      String reference,
      String basis) {
    found(k, d, path, variant, args, reference, basis);
  }

  /** A finding on a field of an item, its message the rule's template with these arguments. */
  public void item(RuleContext k, Item i, String field, Args args) {
    found(k, i.getDeclaration(), join(i.getPath(), field), null, args, null, null);
  }

  public void item(RuleContext k, Item i, String field, String variant, Args args) {
    found(k, i.getDeclaration(), join(i.getPath(), field), variant, args, null, null);
  }

  public void item(
      RuleContext k,
      Item i,
      String field,
      String variant,
      Args args,
      String reference,
      String basis) {
    found(k, i.getDeclaration(), join(i.getPath(), field), variant, args, reference, basis);
  }

  /**
   * A finding on a field of a certificate, its message the rule's template with these arguments.
   */
  public void cert(RuleContext k, Certificate c, String field, Args args) {
    found(k, c.getDeclaration(), join(c.getPath(), field), null, args, null, null);
  }

  public void cert(RuleContext k, Certificate c, String field, String variant, Args args) {
    found(k, c.getDeclaration(), join(c.getPath(), field), variant, args, null, null);
  }

  public void cert(
      RuleContext k,
      Certificate c,
      String field,
      String variant,
      Args args,
      String reference,
      String basis) {
    found(k, c.getDeclaration(), join(c.getPath(), field), variant, args, reference, basis);
  }

  /**
   * Renders the rule's message and hint: the variant's template where the pack has one, else the
   * rule's plain one; no hint template means no hint.
   */
  private void found(
      RuleContext k,
      Declaration d,
      String path,
      String variant,
      Args args,
      String reference,
      String basis) {
    String id = info(k).id();
    String message = variant == null ? null : text.renderOrNull(id + ".message." + variant, args);
    if (message == null) {
      message = text.render(id + ".message", args);
    }
    String hint = variant == null ? null : text.renderOrNull(id + ".hint." + variant, args);
    if (hint == null) {
      hint = text.renderOrNull(id + ".hint", args);
    }
    add(k, d, path, message, hint, reference, basis);
  }

  private RuleInfo info(RuleContext k) {
    var rule = k.getRule();
    RuleInfo info = rulesByName.get(rule.getPackageName() + "." + rule.getName());
    if (info == null) {
      throw new IllegalStateException("finding for an unknown rule: " + rule.getName());
    }
    return info;
  }

  private static String join(String prefix, String field) {
    return field == null || field.isEmpty() ? prefix : prefix + "." + field;
  }

  private void add(
      RuleContext k,
      Declaration d,
      String path,
      String message,
      String hint,
      String reference,
      String basis) {
    var rule = k.getRule();
    RuleInfo info = rulesByName.get(rule.getPackageName() + "." + rule.getName());
    List<Finding> list = byDeclaration.get(d);
    Locations where = locations.get(d);
    if (info == null || list == null) {
      throw new IllegalStateException(
          "finding for an unknown rule or declaration: " + rule.getName());
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
