package kz.shipcheck.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import kz.shipcheck.engine.Evaluator;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.InputRules;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.input.Source;
import kz.shipcheck.model.Declaration;
import kz.shipcheck.model.Item;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.DeclarationResult.Facts;
import kz.shipcheck.result.DeclarationResult.Money;
import kz.shipcheck.result.FailOn;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;
import kz.shipcheck.yaml.InputProblem;

/**
 * The batch pipeline: sources are cut into small batches, each read, parsed and checked on a worker
 * thread (one rule session per worker, the compiled pack shared), and the results handed on in
 * input order whatever the thread count. Memory stays flat however many declarations pass through:
 * at most a few batches per worker are in flight (bounded in files and in bytes), a worker parses
 * and evaluates documents in chunks of {@link #CHUNK} declarations (or {@link #FACTS_PER_CHUNK}
 * facts) and hands each chunk's results on as soon as it is done, and the batch-wide duplicate-id
 * check keeps ids in a compact {@link IdSet}. Judging (duplicate ids, waivers, the verdict) is
 * {@link Verdicts}'s job, on the emitting thread; this class is the threading around it.
 */
public final class BatchChecker {
  /**
   * Files per batch: large enough to amortise a task hand-over, small enough to keep memory flat.
   */
  static final int FILES_PER_BATCH = 32;

  /** Input bytes per batch: a batch closes early when its files are large. */
  static final long BYTES_PER_BATCH = 512 * 1024;

  /**
   * Input bytes in flight (submitted, not yet emitted) before the reader waits; one batch always
   * goes.
   */
  static final long BYTES_IN_FLIGHT = 48L * 1024 * 1024;

  /** Declarations inserted into a rule session at once (the shared notes: ~100 beats 10,000). */
  static final int CHUNK = 100;

  /**
   * Facts (declarations, items, certificates) per rule firing, for declarations with many items.
   */
  static final int FACTS_PER_CHUNK = 2_000;

  /** Chunks of results a batch may have waiting for the emitting thread. */
  static final int CHUNKS_QUEUED = 2;

  private final RulePack pack;
  private final DeclarationReader reader;
  private final int jobs;
  private final Map<String, RuleInfo> inputRules = new HashMap<>();
  private final boolean idsPerFile;
  private Waivers waivers = Waivers.NONE;
  private FailOn failOn = FailOn.ERROR;
  private volatile boolean stopped;

  public BatchChecker(RulePack pack, DeclarationReader reader, int jobs) {
    this(pack, reader, jobs, false);
  }

  /**
   * @param idsPerFile ids need only be unique within a file (fixtures are independent cases that
   *     may reuse ids); a batch checks them across all files
   */
  public BatchChecker(RulePack pack, DeclarationReader reader, int jobs, boolean idsPerFile) {
    this.pack = pack;
    this.reader = reader;
    this.jobs = Math.max(1, jobs);
    this.idsPerFile = idsPerFile;
    for (RuleInfo r : InputRules.ALL) {
      inputRules.put(r.id(), r);
    }
  }

  /**
   * Applies these waivers to every result, in the one thread that emits results, so that every
   * report format sees the same waived findings and outcomes.
   */
  public void useWaivers(Waivers w) {
    this.waivers = w;
  }

  /**
   * Judges every declaration under this policy ({@link FailOn#ERROR} unless set): the outcome is
   * decided once, in the emitting thread, after duplicate ids and waivers have had their say.
   */
  public void judgeUnder(FailOn policy) {
    this.failOn = policy;
  }

  /**
   * Ends the run early: no batch starts after this, and {@link #run} returns once the chunk of
   * results being handed on is done. For a sink whose reports can take no more results (standard
   * output closed by {@code | head -1}): checking the rest of the batch would be work for nothing.
   */
  public void stop() {
    stopped = true;
  }

  /** A batch on a worker: its results as they come, and the input bytes it stands for. */
  private record Pending(BatchResults result, long bytes) {}

  /**
   * The results of one batch, handed from its worker to the emitting thread a chunk at a time
   * through a small queue. A worker whose batch is not yet being emitted waits once the queue is
   * full, so memory holds a few chunks per batch, not whole batches: one file of many declarations
   * with many findings each (hostile or not) cannot pile up its results. The oldest batch always
   * started first and is always being drained, so the waiting cannot deadlock.
   */
  private static final class BatchResults {
    private static final Object END = new Object();
    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS_QUEUED);

    void put(List<Checked> chunk) throws InterruptedException {
      chunks.put(chunk);
    }
  }

  private record Failure(Throwable cause) {}

  /**
   * Checks every source and hands each result to {@code sink}, in order.
   *
   * @throws ExecutionException when a worker fails: a bug, reported as an internal error
   */
  public void run(Iterable<Source> sources, InputStream stdin, Consumer<DeclarationResult> sink)
      throws ExecutionException, InterruptedException {
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            jobs,
            r -> {
              Thread t = new Thread(r, "shipcheck-worker-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ThreadLocal<Evaluator> evaluators = ThreadLocal.withInitial(pack::newEvaluator);
    Deque<Pending> inFlight = new ArrayDeque<>();
    Verdicts verdicts = new Verdicts(pack, idsPerFile, waivers, failOn);
    int window = jobs * 4;
    long bytesInFlight = 0;
    try {
      List<Source> batch = new ArrayList<>(FILES_PER_BATCH);
      long batchBytes = 0;
      Iterator<Source> it = sources.iterator();
      while (!stopped && it.hasNext()) {
        Source s = it.next();
        batch.add(s);
        batchBytes += size(s);
        if (batch.size() == FILES_PER_BATCH || batchBytes >= BYTES_PER_BATCH || !it.hasNext()) {
          List<Source> b = batch;
          inFlight.add(new Pending(submit(pool, b, stdin, evaluators), batchBytes));
          bytesInFlight += batchBytes;
          batch = new ArrayList<>(FILES_PER_BATCH);
          batchBytes = 0;
          while (!stopped
              && (inFlight.size() >= window
                  || inFlight.size() > 1 && bytesInFlight > BYTES_IN_FLIGHT)) {
            Pending done = inFlight.poll();
            bytesInFlight -= done.bytes();
            drain(done.result(), verdicts, sink);
          }
        }
      }
      while (!stopped && !inFlight.isEmpty()) {
        drain(inFlight.poll().result(), verdicts, sink);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private BatchResults submit(
      ExecutorService pool,
      List<Source> batch,
      InputStream stdin,
      ThreadLocal<Evaluator> evaluators) {
    BatchResults out = new BatchResults();
    pool.submit(
        () -> {
          try {
            checkBatch(batch, stdin, evaluators.get(), out);
            out.chunks.put(BatchResults.END);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run is being abandoned
          } catch (Throwable t) {
            try {
              out.chunks.put(new Failure(t));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    return out;
  }

  /** Emits one batch's results, chunk by chunk as its worker produces them, until stopped. */
  @SuppressWarnings("unchecked")
  private void drain(BatchResults batch, Verdicts verdicts, Consumer<DeclarationResult> sink)
      throws ExecutionException, InterruptedException {
    while (!stopped) {
      Object chunk = batch.chunks.take();
      if (chunk == BatchResults.END) {
        return;
      }
      if (chunk instanceof Failure f) {
        throw new ExecutionException(f.cause());
      }
      for (Checked c : (List<Checked>) chunk) {
        sink.accept(verdicts.judge(c));
      }
    }
  }

  /** The size of a source for batching; standard input counts as a large file. */
  private long size(Source s) {
    if (s.problem() != null) {
      return 0;
    }
    if (s.path() == null) {
      return Math.min(reader.limits().maxFileBytes(), 8L * 1024 * 1024);
    }
    if (s.size() >= 0) {
      return s.size(); // the folder walk read it
    }
    try {
      return Files.size(s.path());
    } catch (IOException | SecurityException e) {
      return 0; // the reader will say why it cannot be read
    }
  }

  /**
   * Reads, parses and checks a batch on a worker. Documents are parsed one at a time and evaluated
   * in chunks of {@link #CHUNK} declarations or {@link #FACTS_PER_CHUNK} facts; each chunk's
   * results go to the emitting thread as soon as they are ready.
   */
  private void checkBatch(
      List<Source> batch, InputStream stdin, Evaluator evaluator, BatchResults out)
      throws InterruptedException {
    List<ReadDocument> pending = new ArrayList<>(CHUNK);
    int valid = 0;
    int facts = 0;
    for (Source s : batch) {
      for (ReadDocument d : reader.documents(s, stdin)) { // parsed one at a time, as chunks fill
        pending.add(d);
        if (d.isValid()) {
          valid++;
          facts += 1 + d.declaration().getItems().size() + d.declaration().getCertificates().size();
        }
        if (valid == CHUNK || facts >= FACTS_PER_CHUNK || pending.size() >= 4 * CHUNK) {
          List<Checked> chunk = new ArrayList<>(pending.size());
          evaluate(pending, evaluator, chunk);
          out.put(chunk);
          valid = 0;
          facts = 0;
        }
      }
    }
    if (!pending.isEmpty()) {
      List<Checked> chunk = new ArrayList<>(pending.size());
      evaluate(pending, evaluator, chunk);
      out.put(chunk);
    }
  }

  /** Evaluates the valid documents among {@code docs}, appends every result in order, clears. */
  private void evaluate(List<ReadDocument> docs, Evaluator evaluator, List<Checked> out) {
    List<Evaluator.Input> inputs = new ArrayList<>();
    for (ReadDocument d : docs) {
      if (d.isValid()) {
        inputs.add(new Evaluator.Input(d.declaration(), d.locations()));
      }
    }
    List<List<Finding>> findings = inputs.isEmpty() ? List.of() : evaluator.evaluate(inputs);
    int k = 0;
    for (ReadDocument d : docs) {
      if (!d.isValid()) {
        out.add(
            new Checked(d.file(), d.document(), d.id(), true, invalid(d), Facts.NONE, 0, 0, null));
        continue;
      }
      int[] idAt = d.locations().find("id");
      out.add(
          new Checked(
              d.file(),
              d.document(),
              d.id(),
              false,
              findings.get(k++),
              facts(d.declaration()),
              idAt[0],
              idAt[1],
              d.declaration().getDate()));
    }
    docs.clear();
  }

  /** The reader's problems with a document that could not be read, as findings. */
  private List<Finding> invalid(ReadDocument d) {
    List<Finding> findings = new ArrayList<>();
    for (InputProblem p : d.problems()) {
      RuleInfo rule = inputRules.get(p.rule());
      findings.add(
          new Finding(
              p.rule(),
              Severity.ERROR,
              message(p),
              p.path(),
              p.line(),
              p.column(),
              rule == null ? null : rule.reference(),
              rule == null ? "model" : rule.basis(),
              null,
              null));
    }
    findings.sort(Finding.ORDER);
    return findings;
  }

  private String message(InputProblem p) {
    return InputMessages.render(pack.text(), p);
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
