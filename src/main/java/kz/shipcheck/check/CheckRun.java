package kz.shipcheck.check;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.Source;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.FailOn;
import kz.shipcheck.result.Summary;
import kz.shipcheck.yaml.InputLimits;

/**
 * One {@code check} run without its command line: the sources read, checked against a rule pack and
 * judged under a {@link FailOn}, each result handed to a sink in input order, and the run's counts
 * returned. The counts own the run's verdict ({@link Summary#passes}), as the policy owns each
 * declaration's.
 */
public final class CheckRun {
  /**
   * What a run needs besides its pack and its sources.
   *
   * @param asOf judge every declaration as if shipped on this date; null: on its own ship date
   * @param jobs worker threads
   */
  public record Options(
      InputLimits limits, LocalDate asOf, int jobs, FailOn failOn, Waivers waivers) {}

  /** Takes the results of a run, in input order. */
  public interface Sink {
    /** Takes one result; false when nothing can take more: the run then stops. */
    boolean accept(DeclarationResult result);
  }

  /**
   * What a run ends with.
   *
   * @param stoppedAfter results handed on before the sink stopped the run; -1 when it ran to the
   *     end
   */
  public record Result(Summary summary, long stoppedAfter) {
    public boolean stopped() {
      return stoppedAfter >= 0;
    }
  }

  private CheckRun() {}

  /**
   * Checks every source and hands each result to {@code sink}.
   *
   * @throws ExecutionException when a worker fails: a bug, reported as an internal error
   */
  public static Result run(
      RulePack pack, Options options, Iterable<Source> sources, InputStream stdin, Sink sink)
      throws ExecutionException, InterruptedException {
    BatchChecker checker =
        new BatchChecker(
            pack, new DeclarationReader(options.limits(), options.asOf()), options.jobs());
    checker.useWaivers(options.waivers());
    checker.judgeUnder(options.failOn());
    Summary summary = new Summary(options.failOn());
    long[] stoppedAfter = {-1};
    checker.run(
        sources,
        stdin,
        r -> {
          if (stoppedAfter[0] >= 0) {
            return; // the rest of a chunk already checked when the run was stopped
          }
          summary.add(r);
          if (!sink.accept(r)) {
            // nothing can take the rest (| head -1 closed stdout): checking it would be work for
            // nothing
            stoppedAfter[0] = summary.declarations();
            checker.stop();
          }
        });
    return new Result(summary, stoppedAfter[0]);
  }
}
