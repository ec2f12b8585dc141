package kz.shipcheck.engine;

import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.input.Locations;
import kz.shipcheck.model.Certificate;
import kz.shipcheck.model.Declaration;
import kz.shipcheck.model.Item;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.result.Finding;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Runs the rules over declarations with one long-lived session: a chunk of declarations is
 * inserted, the rules fire, the findings are collected and the facts deleted, leaving the session
 * empty for the next chunk. Reference data stays outside the session behind the {@code ref}
 * global, so it is never re-inserted; the rows a declaration's keys name are looked up once before
 * insertion ({@link Declaration#resolve}) so that rules test them as plain fields. Not
 * thread-safe: one evaluator per worker thread.
 */
public final class Evaluator implements Checks, AutoCloseable {
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
  public record Input(Declaration declaration, Locations locations) {}

  @Override
  public List<List<Finding>> evaluate(List<Input> chunk) {
    try {
      for (Input in : chunk) {
        Declaration d = in.declaration();
        d.resolve(data);
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
      for (Input in : chunk) {
        List<Finding> f = out.take(in.declaration());
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
