package kz.shipcheck.engine;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.definition.rule.Rule;

/**
 * Refuses a rule that matches a value as written ({@code kz.shipcheck.model}) instead of a fact.
 * The engine inserts the facts of {@code kz.shipcheck.engine.fact}, which share those classes'
 * simple names; a pack that still imports the model's (as packs did before the facts moved)
 * compiles, and its rules would silently never fire, passing every declaration.
 */
final class WrittenValueGuard {
  static final String MODEL = "kz.shipcheck.model.";

  private WrittenValueGuard() {}

  /**
   * The first class of {@code kz.shipcheck.model} a rule's conditions match, or null. Read from the
   * compiled rule, so a cached pack is checked as well as a compiled one.
   */
  static String writtenValueMatched(Rule r) {
    if (!(r instanceof RuleImpl impl)) {
      return null;
    }
    ArrayDeque<RuleConditionElement> todo = new ArrayDeque<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (impl.getLhs() != null) {
      todo.add(impl.getLhs());
    }
    while (!todo.isEmpty()) {
      RuleConditionElement e = todo.poll();
      if (!seen.add(e)) {
        continue;
      }
      if (e instanceof Pattern p
          && p.getObjectType() instanceof ClassObjectType t
          && t.getClassName().startsWith(MODEL)) {
        return t.getClassName();
      }
      List<? extends RuleConditionElement> nested = e.getNestedElements();
      if (nested != null) {
        nested.stream().filter(Objects::nonNull).forEach(todo::add);
      }
    }
    return null;
  }
}
