package kz.shipcheck.engine;

import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.engine.fact.Certificate;
import kz.shipcheck.engine.fact.Declaration;
import kz.shipcheck.engine.fact.Item;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.result.Finding;
import kz.shipcheck.yaml.Locations;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Runs the rules over declarations with one long-lived session: a chunk of declarations is
 * inserted, the rules fire, the findings are collected and the facts deleted, leaving the session
 * empty for the next chunk. Reference data stays outside the session behind the {@code ref} global,
 * so it is never re-inserted; the rows a declaration's keys name are looked up once before
 * insertion ({@link Declaration#resolve}, which wraps the declaration as written in facts) so that
 * rules test them as plain fields. Not thread-safe: one evaluator per worker thread.
 */
public final class Evaluator implements AutoCloseable {
  private final KieSession session;
  private final Findings out;
  private final List<FactHandle> handles = new ArrayList<>();
  private final ReferenceData data;

  Evaluator(RulePack pack) {
    this.data = pack.data();
    this.session = pack.kieBase().newKieSession();
    this.out = new Findings(pack.rulesByName(), pack.text());
    for (KiePackage p : pack.kieBase().getKiePackages()) {
      for (var g : p.getGlobalVariables()) {
        if (g.getName().equals("ref")) {
          session.setGlobal("ref", pack.data());
        } else if (g.getName().equals("out")) {
          session.setGlobal("out", out);
        }
      }
    }
  }

  /** One declaration to check, with the positions its findings point at. */
  public record Input(kz.shipcheck.model.Declaration declaration, Locations locations) {}

  /** Checks a chunk of declarations; the result lists each one's findings, in input order. */
  public List<List<Finding>> evaluate(List<Input> chunk) {
    List<Declaration> facts = new ArrayList<>(chunk.size());
    try {
      for (Input in : chunk) {
        Declaration d = Declaration.resolve(in.declaration(), data);
        facts.add(d);
        out.track(d, in.locations());
        handles.add(session.insert(d));
        for (Item i : d.getItems()) {
          handles.add(session.insert(i));
        }
        for (Certificate c : d.getCertificates()) {
          handles.add(session.insert(c));
        }
      }
      session.fireAllRules();
      List<List<Finding>> results = new ArrayList<>(chunk.size());
      for (Declaration d : facts) {
        List<Finding> f = out.take(d);
        f.sort(Finding.ORDER);
        results.add(f);
      }
      return results;
    } finally {
      for (FactHandle h : handles) {
        session.delete(h);
      }
      handles.clear();
    }
  }

  @Override
  public void close() {
    session.dispose();
  }
}
