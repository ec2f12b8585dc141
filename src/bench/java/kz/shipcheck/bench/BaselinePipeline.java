package kz.shipcheck.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kz.shipcheck.check.BatchChecker;
import kz.shipcheck.engine.Evaluator;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.InputRules;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.input.Source;
import kz.shipcheck.model.Declaration;
import kz.shipcheck.model.Item;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.DeclarationResult.Facts;
import kz.shipcheck.result.DeclarationResult.Money;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Outcome;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;
import kz.shipcheck.yaml.InputProblem;

/**
 * The baseline's copy of shipcheck's batch pipeline ({@link BatchChecker}), around {@link
 * PlainChecks} instead of a rule session: files cut into batches of {@value #FILES_PER_BATCH} (or
 * {@value #BYTES_PER_BATCH} bytes), read and parsed by shipcheck's own {@link DeclarationReader} on
 * {@code jobs} worker threads, evaluated in chunks of {@value #CHUNK} declarations, and handed on
 * in input order with the batch-wide duplicate-id finding. The product's pipeline takes a rule pack
 * and nothing else, so that no code in it exists only for the benchmark; this copy keeps the same
 * batching and result building, and {@code PlainChecksTest} holds its report to shipcheck's, byte
 * for byte. It keeps whole batches in memory rather than streaming chunks: the benchmark's batches
 * are small files, and the million-declaration memory run is shipcheck's alone.
 */
public final class BaselinePipeline {
  static final int FILES_PER_BATCH = 32;
  static final long BYTES_PER_BATCH = 512 * 1024;
  static final int CHUNK = 100;

  private final Supplier<PlainChecks> checks;
  private final DeclarationReader reader;
  private final int jobs;
  private final Map<String, RuleInfo> inputRules = new HashMap<>();

  public BaselinePipeline(Supplier<PlainChecks> checks, DeclarationReader reader, int jobs) {
    this.checks = checks;
    this.reader = reader;
    this.jobs = Math.max(1, jobs);
    for (RuleInfo r : InputRules.ALL) {
      inputRules.put(r.id(), r);
    }
  }

  /** A result on its way to the sink, with where its id sits for the duplicate-id finding. */
  private record Checked(DeclarationResult result, int idLine, int idColumn) {}

  /** Checks every source and hands each result to {@code sink}, in input order. */
  public void run(Iterable<Source> sources, InputStream stdin, Consumer<DeclarationResult> sink)
      throws Exception {
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            jobs,
            r -> {
              Thread t = new Thread(r, "baseline-worker-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ThreadLocal<PlainChecks> perThread = ThreadLocal.withInitial(checks);
    Deque<Future<List<Checked>>> inFlight = new ArrayDeque<>();
    Set<String> seenIds = new HashSet<>();
    int window = jobs * 4;
    try {
      List<Source> batch = new ArrayList<>(FILES_PER_BATCH);
      long bytes = 0;
      Iterator<Source> it = sources.iterator();
      while (it.hasNext()) {
        Source s = it.next();
        batch.add(s);
        bytes += size(s);
        if (batch.size() == FILES_PER_BATCH || bytes >= BYTES_PER_BATCH || !it.hasNext()) {
          List<Source> b = batch;
          inFlight.add(pool.submit(() -> checkBatch(b, stdin, perThread.get())));
          batch = new ArrayList<>(FILES_PER_BATCH);
          bytes = 0;
          while (inFlight.size() >= window) {
            emit(inFlight.poll().get(), seenIds, sink);
          }
        }
      }
      while (!inFlight.isEmpty()) {
        emit(inFlight.poll().get(), seenIds, sink);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private long size(Source s) {
    if (s.problem() != null) {
      return 0;
    }
    if (s.path() == null) {
      return Math.min(reader.limits().maxFileBytes(), 8L * 1024 * 1024);
    }
    if (s.size() >= 0) {
      return s.size();
    }
    try {
      return Files.size(s.path());
    } catch (IOException | SecurityException e) {
      return 0;
    }
  }

  private void emit(List<Checked> checked, Set<String> seenIds, Consumer<DeclarationResult> sink) {
    for (Checked c : checked) {
      DeclarationResult r = c.result();
      if (r.id() != null
          && r.outcome() != Outcome.INVALID
          && !seenIds.add(InputRules.idKey(r.id()))) {
        RuleInfo rule = inputRules.get(InputRules.DUPLICATE_ID);
        List<Finding> findings = new ArrayList<>(r.findings());
        findings.add(
            new Finding(
                rule.id(),
                rule.severity(),
                "declaration id '" + r.id() + "' was already used earlier in this batch",
                "id",
                c.idLine(),
                c.idColumn(),
                rule.reference(),
                rule.basis(),
                "give every declaration its own id",
                null));
        findings.sort(Finding.ORDER);
        r =
            new DeclarationResult(
                r.file(), r.document(), r.id(), Outcome.FAIL, findings, r.facts());
      }
      sink.accept(r);
    }
  }

  private List<Checked> checkBatch(List<Source> batch, InputStream stdin, PlainChecks plain) {
    List<Checked> out = new ArrayList<>();
    List<ReadDocument> pending = new ArrayList<>(CHUNK);
    int valid = 0;
    for (Source s : batch) {
      for (ReadDocument d : reader.documents(s, stdin)) {
        pending.add(d);
        if (d.isValid() && ++valid == CHUNK) {
          evaluate(pending, plain, out);
          valid = 0;
        }
      }
    }
    evaluate(pending, plain, out);
    return out;
  }

  private void evaluate(List<ReadDocument> docs, PlainChecks plain, List<Checked> out) {
    List<Evaluator.Input> inputs = new ArrayList<>();
    for (ReadDocument d : docs) {
      if (d.isValid()) {
        inputs.add(new Evaluator.Input(d.declaration(), d.locations()));
      }
    }
    List<List<Finding>> findings = inputs.isEmpty() ? List.of() : plain.evaluate(inputs);
    int k = 0;
    for (ReadDocument d : docs) {
      if (!d.isValid()) {
        out.add(new Checked(invalid(d), 0, 0));
        continue;
      }
      List<Finding> f = findings.get(k++);
      int[] idAt = d.locations().find("id");
      out.add(
          new Checked(
              new DeclarationResult(
                  d.file(), d.document(), d.id(), outcome(f), f, facts(d.declaration())),
              idAt[0],
              idAt[1]));
    }
    docs.clear();
  }

  private static Outcome outcome(List<Finding> findings) {
    for (Finding f : findings) {
      if (!f.isWaived() && f.severity() == Severity.ERROR) {
        return Outcome.FAIL;
      }
    }
    return Outcome.PASS;
  }

  private DeclarationResult invalid(ReadDocument d) {
    List<Finding> findings = new ArrayList<>();
    for (InputProblem p : d.problems()) {
      RuleInfo rule = inputRules.get(p.rule());
      findings.add(
          new Finding(
              p.rule(),
              Severity.ERROR,
              p.getMessage(),
              p.path(),
              p.line(),
              p.column(),
              rule == null ? null : rule.reference(),
              rule == null ? "model" : rule.basis(),
              null,
              null));
    }
    findings.sort(Finding.ORDER);
    return new DeclarationResult(
        d.file(), d.document(), d.id(), Outcome.INVALID, findings, Facts.NONE);
  }

  private static Facts facts(Declaration d) {
    List<String> products = new ArrayList<>();
    List<Money> values = new ArrayList<>();
    for (Item i : d.getItems()) {
      products.add(i.getProduct());
      if (i.getValueAmount() != null && i.getValueCurrency() != null) {
        values.add(new Money(i.getValueAmount(), i.getValueCurrency()));
      }
    }
    return new Facts(
        List.copyOf(products), d.getTransport().getBorderCrossing(), List.copyOf(values));
  }
}
